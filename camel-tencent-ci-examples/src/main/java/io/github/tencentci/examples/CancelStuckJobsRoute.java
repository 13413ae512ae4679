package io.github.tencentci.examples;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;

import io.github.tencentci.camel.TencentCiConstants;
import io.github.tencentci.camel.model.JobsDetail;
import org.apache.camel.Predicate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.util.TimeUtils;

/**
 * Cancels jobs that have been Running longer than a configured time. The consumer cannot do this alone: it emits a job
 * once when it starts Running, before anyone can tell whether it will get stuck. So a timer asks, every check period,
 * for the Running jobs ({@code listJobs}, oldest first, one page of 100; cancelled jobs leave the listing, so with
 * more than 100 the next checks reach the rest), keeps those whose StartTime is older than the limit, and cancels
 * each ({@code cancelJob}).
 * <p>
 * Properties: {@code tencentci.stuck.max-running} (a duration such as {@code 2h} or {@code 90m}, default
 * {@value #DEFAULT_MAX_RUNNING}), {@code tencentci.stuck.check-period} (ms, default 60000).
 */
public class CancelStuckJobsRoute extends RouteBuilder {

    public static final String DEFAULT_MAX_RUNNING = "2h";

    private final Clock clock;

    public CancelStuckJobsRoute() {
        this(Clock.systemUTC());
    }

    /** @param clock what "now" is, e.g. the emulator's clock */
    public CancelStuckJobsRoute(Clock clock) {
        this.clock = clock;
    }

    @Override
    public void configure() {
        String maxRunningText = getContext().resolvePropertyPlaceholders(
                "{{tencentci.stuck.max-running:" + DEFAULT_MAX_RUNNING + "}}");
        Duration maxRunning = TimeUtils.toDuration(maxRunningText);

        from("timer:cancel-stuck-jobs?period={{tencentci.stuck.check-period:60000}}")
                .routeId("cancel-stuck-jobs")
                .to("tencent-ci:jobs?operation=listJobs&states=Running&orderByTime=Asc&size=100")
                .split(body())
                    .filter(runningLongerThan(maxRunning))
                        .setHeader(TencentCiConstants.JOB_ID, simple("${body.jobId}"))
                        .to("tencent-ci:jobs?operation=cancelJob")
                        .log("Cancelled job ${header.CamelTencentCiJobId} (${body.name}): Running since ${body.startTime},"
                             + " longer than " + maxRunningText)
                    .end()
                .end();
    }

    private Predicate runningLongerThan(Duration maxRunning) {
        return exchange -> {
            JobsDetail job = exchange.getMessage().getBody(JobsDetail.class);
            OffsetDateTime started = job.getStartTime();
            return started != null && started.toInstant().isBefore(clock.instant().minus(maxRunning));
        };
    }
}
