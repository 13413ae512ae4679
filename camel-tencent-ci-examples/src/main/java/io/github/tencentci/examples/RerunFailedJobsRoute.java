package io.github.tencentci.examples;

import io.github.tencentci.camel.TencentCiConstants;
import io.github.tencentci.camel.http.CiServiceException;
import io.github.tencentci.camel.model.JobsDetail;
import org.apache.camel.LoggingLevel;
import org.apache.camel.builder.RouteBuilder;

/**
 * Re-runs each failed job once: the consumer emits every job that reaches Failed, and the producer's
 * {@code triggerJob} submits it again (same Name, Type, Input and Operation) under its name plus a suffix. The suffix
 * is the guard: a job whose name already ends with it is a re-run that failed again, and is logged, not re-run, so a
 * job that keeps failing is tried twice in all, never forever. The guard needs no state, so it holds across restarts
 * and nodes.
 * <p>
 * A re-run the service refuses (4xx: the request will not get better by repeating it) is logged and dropped; any other
 * failure fails the exchange, so the consumer emits the job again at the next poll and the re-run is retried.
 * <p>
 * Properties: {@code tencentci.rerun.suffix} (default {@value #DEFAULT_SUFFIX}), {@code tencentci.poll.delay} (ms,
 * default 5000). The same route in YAML: {@code routes/rerun-failed-jobs.camel.yaml}.
 */
public class RerunFailedJobsRoute extends RouteBuilder {

    /** What a re-run's name ends with. */
    public static final String DEFAULT_SUFFIX = "-rerun";

    @Override
    public void configure() {
        String suffix = getContext().resolvePropertyPlaceholders("{{tencentci.rerun.suffix:" + DEFAULT_SUFFIX + "}}");

        onException(CiServiceException.class)
                .onWhen(exchange -> exchange.getProperty(org.apache.camel.Exchange.EXCEPTION_CAUGHT,
                        CiServiceException.class).getStatusCode() < 500)
                .handled(true)
                .log(LoggingLevel.WARN, "Could not re-run failed job ${exchangeProperty.failedJobId}: ${exception.message}");

        from("tencent-ci:jobs?states=Failed&delay={{tencentci.poll.delay:5000}}")
                .routeId("rerun-failed-jobs")
                .setProperty("failedJobId", header(TencentCiConstants.JOB_ID))
                .choice()
                    .when(header(TencentCiConstants.JOB_NAME).endsWith(suffix))
                        .log(LoggingLevel.WARN, "Job ${header.CamelTencentCiJobId} (${header.CamelTencentCiJobName}) failed"
                                                + " again after its re-run (${body.code} ${body.message}): not re-running it")
                    .otherwise()
                        .process(exchange -> {
                            JobsDetail job = exchange.getMessage().getBody(JobsDetail.class);
                            job.setName((job.getName() == null ? "" : job.getName()) + suffix);
                        })
                        .to("tencent-ci:jobs?operation=triggerJob")
                        .log("Failed job ${exchangeProperty.failedJobId} re-run as job ${header.CamelTencentCiJobId}"
                             + " (${header.CamelTencentCiJobName})")
                .end();
    }
}
