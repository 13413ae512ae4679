package io.github.tencentci.examples;

import org.apache.camel.builder.RouteBuilder;

/**
 * Logs every job of the bucket once per state it reaches (the component emits a job again only when its state
 * changes): the demo's view of jobs flowing.
 */
public class JobStateLogRoute extends RouteBuilder {

    @Override
    public void configure() {
        from("tencent-ci:jobs?delay={{tencentci.poll.delay:5000}}")
                .routeId("job-state-log")
                .log("Job ${header.CamelTencentCiJobId} (${header.CamelTencentCiJobName}) is"
                     + " ${header.CamelTencentCiJobState}");
    }
}
