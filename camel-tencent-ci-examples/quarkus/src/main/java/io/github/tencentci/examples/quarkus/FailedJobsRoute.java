package io.github.tencentci.examples.quarkus;

import io.github.tencentci.camel.TencentCiConstants;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.camel.builder.RouteBuilder;

/**
 * Each failed job once, as JSON, to the {@link FailedJobs} bean. Camel Quarkus finds this RouteBuilder by itself;
 * the component's connection comes from {@code camel.component.tencent-ci.*} in {@code application.properties}, or
 * from {@link DemoEmulator} when no credentials are set.
 */
@ApplicationScoped
public class FailedJobsRoute extends RouteBuilder {

    @Inject
    FailedJobs failedJobs;

    @Override
    public void configure() {
        from("tencent-ci:jobs?states=Failed&delay={{failedjobs.poll-delay}}")
                .routeId("failed-jobs")
                .log("Job ${header." + TencentCiConstants.JOB_ID + "} (${header." + TencentCiConstants.JOB_NAME
                     + "}) failed: ${body.code} ${body.message}")
                .marshal().json()
                .bean(failedJobs, "add");
    }
}
