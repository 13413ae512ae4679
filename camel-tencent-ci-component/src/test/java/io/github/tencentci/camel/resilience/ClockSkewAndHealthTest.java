package io.github.tencentci.camel.resilience;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.Set;

import javax.management.MBeanServer;
import javax.management.ObjectName;

import io.github.tencentci.camel.EmulatorTestSupport;
import io.github.tencentci.camel.TencentCiConsumer;
import io.github.tencentci.camel.http.HttpClientConfigurer;
import io.github.tencentci.camel.monitoring.PollSummary;
import io.github.tencentci.emulator.Fault;
import io.github.tencentci.emulator.RecordedRequest;
import org.apache.camel.health.HealthCheck;
import org.apache.camel.support.ScheduledPollConsumerHealthCheck;
import org.apache.camel.test.junit5.TestExecutionConfiguration;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Clock-skew correction against a skewed emulator; health check and JMX counters. */
class ClockSkewAndHealthTest extends EmulatorTestSupport {

    @Override
    public void configureTest(TestExecutionConfiguration configuration) {
        super.configureTest(configuration);
        configuration.withJMX(true);
    }

    /**
     * The JDK server under the emulator always writes Date from the host clock, so this stands in for a service whose
     * Date follows its own (skewed) clock: it rewrites Date from the emulator's clock as the response arrives.
     */
    private HttpClientConfigurer dateFromEmulatorClock() {
        return builder -> builder.addResponseInterceptorFirst((response, entity, ctx) -> response.setHeader("Date",
                DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.now(emulator.clock()))));
    }

    private TencentCiConsumer ciConsumer() {
        return (TencentCiConsumer) context.getRoute("jobs").getConsumer();
    }

    @Test
    void aSkewedServiceClockIsCorrectedFromItsDateHeaderAndThePageRetriedOnce() throws Exception {
        addJobs(4, "Success");
        emulator.setClockSkew(Duration.ofMinutes(45)); // far outside the signature's 15-minute window
        context.getRegistry().bind("serviceDate", dateFromEmulatorClock());
        startRoute(jobsUri("httpClientConfigurer=#serviceDate"));

        await().atMost(Duration.ofSeconds(10)).until(() -> getMockEndpoint("mock:jobs").getReceivedCounter() == 4);
        assertThat(emulator.requests().all()).extracting(RecordedRequest::status, RecordedRequest::errorCode)
                .startsWith(org.assertj.core.groups.Tuple.tuple(401, "SignatureExpired"),
                        org.assertj.core.groups.Tuple.tuple(200, null));
        assertThat(ciConsumer().getClockCorrections()).isEqualTo(1);
        assertThat(ciConsumer().getFailedPollCount()).isZero();
        assertThat(ciConsumer().getListingClientSigner().getClockOffset()).isBetween(Duration.ofMinutes(44), Duration.ofMinutes(46));
    }

    @Test
    void healthGoesDownWithTheCiErrorCodeAfterFailuresAndUpAfterASuccessAndCountersAreInJmx() throws Exception {
        addJobs(2, "Failed");
        Fault denied = Fault.error(403, "AccessDenied", "no permission");
        emulator.faults().enqueue(denied, denied, denied);
        startRoute(jobsUri("delay=300"));
        ScheduledPollConsumerHealthCheck health = new ScheduledPollConsumerHealthCheck(ciConsumer(), "consumer:jobs");

        await().atMost(Duration.ofSeconds(10)).until(() -> ciConsumer().getFailedPollCount() >= 2);
        HealthCheck.Result down = health.call(Map.of());
        assertThat(down.getState()).isEqualTo(HealthCheck.State.DOWN);
        assertThat(down.getDetails()).containsEntry(PollSummary.DETAIL_ERROR_CODE, "AccessDenied")
                .containsEntry(PollSummary.DETAIL_HTTP_STATUS, 403).containsKey(PollSummary.DETAIL_REQUEST_ID);

        await().atMost(Duration.ofSeconds(10)).until(() -> getMockEndpoint("mock:jobs").getReceivedCounter() == 2);
        await().atMost(Duration.ofSeconds(5)).until(() -> health.call(Map.of()).getState() == HealthCheck.State.UP);

        MBeanServer jmx = ManagementFactory.getPlatformMBeanServer();
        Set<ObjectName> names = jmx.queryNames(new ObjectName("org.apache.camel:type=consumers,*"), null);
        ObjectName name = names.stream().filter(n -> n.toString().contains("TencentCiConsumer")).findFirst().orElseThrow();
        assertThat((Long) jmx.getAttribute(name, "FailedPollCount")).isEqualTo(3);
        assertThat((Long) jmx.getAttribute(name, "JobsEmitted")).isEqualTo(2);
        assertThat((Long) jmx.getAttribute(name, "ConsecutiveFailedPolls")).isZero();
        assertThat(jmx.getAttribute(name, "LastErrorCode")).isEqualTo("AccessDenied");
    }
}
