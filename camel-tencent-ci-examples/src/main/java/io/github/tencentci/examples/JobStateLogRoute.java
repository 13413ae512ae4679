package io.github.tencentci.examples;

import io.github.tencentci.camel.TencentCiConstants;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.support.processor.idempotent.MemoryIdempotentRepository;

/**
 * Logs every job of the bucket once per state it reaches: the demo's view of jobs flowing.
 * <p>
 * Each poll lists the jobs again, so the route lets a (JobId, State) pair through only the first time.
 */
public class JobStateLogRoute extends RouteBuilder {

    @Override
    public void configure() {
        from("tencent-ci:jobs?delay={{tencentci.poll.delay:5000}}")
                .routeId("job-state-log")
                .idempotentConsumer(
                        simple("${header." + TencentCiConstants.JOB_ID + "}/${header." + TencentCiConstants.JOB_STATE
                               + "}"),
                        MemoryIdempotentRepository.memoryIdempotentRepository(10_000))
                .log("Job ${header.CamelTencentCiJobId} (${header.CamelTencentCiJobName}) is"
                     + " ${header.CamelTencentCiJobState}");
    }
}
