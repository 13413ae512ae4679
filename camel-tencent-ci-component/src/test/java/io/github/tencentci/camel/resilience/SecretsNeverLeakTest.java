package io.github.tencentci.camel.resilience;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import javax.management.MBeanAttributeInfo;
import javax.management.MBeanServer;
import javax.management.ObjectName;

import io.github.tencentci.camel.EmulatorTestSupport;
import io.github.tencentci.camel.TencentCiComponent;
import io.github.tencentci.camel.TencentCiConsumer;
import io.github.tencentci.camel.signing.CosSigner;
import io.github.tencentci.camel.signing.KeyTime;
import io.github.tencentci.emulator.CiEmulator;
import io.github.tencentci.emulator.Fault;
import io.github.tencentci.emulator.RecordedRequest;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.health.HealthCheck;
import org.apache.camel.support.ScheduledPollConsumerHealthCheck;
import org.apache.camel.test.junit5.TestExecutionConfiguration;
import org.apache.logging.log4j.Level;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Through success and every failure path, with everything logged at TRACE (Camel, this component and HttpClient
 * including its header and wire logs), neither the secret key, nor the session token, nor any signing key shows up
 * in a log line, an exception, the endpoint's toString(), a JMX attribute or the health check.
 */
class SecretsNeverLeakTest extends EmulatorTestSupport {

    private static final String SESSION_TOKEN = "stsSessionTokenThatMustNeverBeLogged0123456789";

    @Override
    protected void doPreSetup() throws Exception {
        emulator = CiEmulator.builder().strictSigning(true).port(0).credentials(SECRET_ID, SECRET_KEY).sessionToken(SESSION_TOKEN).start();
    }

    @Override
    public void configureTest(TestExecutionConfiguration configuration) {
        super.configureTest(configuration);
        configuration.withJMX(true);
    }

    /**
     * Secrets on the component (camel.component.tencent-ci.secretKey=...): nothing leaks even at TRACE. (Camel core
     * itself prints the raw endpoint URI at TRACE, so secrets written into a URI show there; see the next test.)
     */
    @Test
    void componentSecretsNeverLeakEvenAtTrace() throws Exception {
        TencentCiComponent component = context.getComponent("tencent-ci", TencentCiComponent.class);
        component.getConfiguration().setSecretId(SECRET_ID);
        component.getConfiguration().setSecretKey(SECRET_KEY);
        component.getConfiguration().setSessionToken(SESSION_TOKEN);
        String uri = "tencent-ci:jobs?endpoint=" + emulator.baseUrl() + "&initialDelay=0&delay=50&size=10"
                     + "&retryBaseDelay=5&maxRetryAfter=20&responseTimeout=2000";
        runEveryPathAndCheck(uri, Level.TRACE);
    }

    /** Secrets in the URI: nothing leaks at DEBUG and above, Camel's own poll-failure messages included. */
    @Test
    void uriSecretsNeverLeakAtDebug() throws Exception {
        runEveryPathAndCheck(jobsUri("size=10&sessionToken=RAW(" + SESSION_TOKEN + ")&retryBaseDelay=5"
                                     + "&maxRetryAfter=20&responseTimeout=2000"), Level.DEBUG);
    }

    private void runEveryPathAndCheck(String uri, Level level) throws Exception {
        addJobs(30, "Running");
        emulator.faults().enqueue(
                Fault.error(429, "SlowDown", "slow down").retryAfter(Duration.ofSeconds(1)),
                Fault.error(403, "AccessDenied", "denied"),
                Fault.cutMidBody(), Fault.malformedXml(), Fault.closeConnection(),
                Fault.error(503, "ServiceUnavailable", "busy"), Fault.error(503, "ServiceUnavailable", "busy"),
                Fault.error(503, "ServiceUnavailable", "busy"));
        List<String> surfaces = new ArrayList<>();
        try (LogCapture log = LogCapture.of(level, "org.apache.camel", "io.github.tencentci", "org.apache.hc")) {
            context.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from(uri).routeId("jobs").to("mock:jobs");
                }
            });
            await().atMost(Duration.ofSeconds(20)).until(
                    () -> emulator.faults().pending() == 0 && getMockEndpoint("mock:jobs").getReceivedCounter() == 30);
            TencentCiConsumer consumer = (TencentCiConsumer) context.getRoute("jobs").getConsumer();
            await().atMost(Duration.ofSeconds(5)).until(() -> consumer.getFailedPollCount() >= 4);

            // a health check while failing, with its error
            emulator.faults().always(Fault.error(403, "AccessDenied", "denied"));
            await().atMost(Duration.ofSeconds(5)).until(() -> consumer.getConsecutiveFailedPolls() >= 1);
            var health = new ScheduledPollConsumerHealthCheck(consumer, "consumer:jobs").call(Map.of());
            // what is searched must be the failing check with its CI details, not an empty result
            assertThat(health.getState()).isEqualTo(HealthCheck.State.DOWN);
            assertThat(health.getDetails()).containsEntry("ci.error.code", "AccessDenied").containsKey("ci.request.id");
            surfaces.add(health.getDetails().toString());
            surfaces.add(String.valueOf(health.getMessage().orElse("")));
            health.getError().ifPresent(e -> surfaces.add(stackTrace(e)));
            emulator.faults().always(null);

            surfaces.add(context.getEndpoint(uri).toString());
            surfaces.addAll(jmxAttributeValues());
            context.stop();
            surfaces.add(log.all());
            assertThat(log.all()).contains("SlowDown", "AccessDenied", "Poll failed"); // the capture did work
            assertThat(log.linesContaining("org.apache.hc")).isNotEmpty();
        }

        List<String> secrets = new ArrayList<>(List.of(SECRET_KEY, SESSION_TOKEN));
        for (RecordedRequest request : emulator.requests().all()) {
            String keyTime = request.headers().get("authorization").replaceAll(".*q-key-time=([0-9;]+).*", "$1");
            String[] bounds = keyTime.split(";");
            secrets.add(CosSigner.signKey(SECRET_KEY, new KeyTime(Long.parseLong(bounds[0]), Long.parseLong(bounds[1]))));
        }
        for (String surface : surfaces) {
            for (String secret : secrets) {
                assertThat(surface).doesNotContain(secret);
            }
        }
    }

    private List<String> jmxAttributeValues() throws Exception {
        MBeanServer jmx = ManagementFactory.getPlatformMBeanServer();
        List<String> values = new ArrayList<>();
        for (String type : List.of("consumers", "endpoints", "components")) {
            for (ObjectName name : jmx.queryNames(new ObjectName("org.apache.camel:type=" + type + ",*"), null)) {
                for (MBeanAttributeInfo attribute : jmx.getMBeanInfo(name).getAttributes()) {
                    try {
                        values.add(name + " " + attribute.getName() + "=" + jmx.getAttribute(name, attribute.getName()));
                    } catch (Exception unreadable) {
                        values.add(String.valueOf(unreadable.getMessage()));
                    }
                }
            }
        }
        assertThat(values).anyMatch(v -> v.contains("JobsEmitted=30"));
        return values;
    }

    private static String stackTrace(Throwable e) {
        java.io.StringWriter out = new java.io.StringWriter();
        e.printStackTrace(new java.io.PrintWriter(out));
        return out.toString();
    }
}
