package io.github.tencentci.camel;

import java.time.Duration;
import java.util.List;

import io.github.tencentci.camel.http.CiServiceException;
import io.github.tencentci.camel.resilience.LogCapture;
import io.github.tencentci.emulator.Fault;
import io.github.tencentci.emulator.RecordedRequest;
import org.apache.camel.Exchange;
import org.apache.camel.ResolveEndpointFailedException;
import org.apache.camel.builder.RouteBuilder;
import org.apache.logging.log4j.Level;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The producer's options: what is refused at start-up and how, throttling retries, and secrets kept out of sight. */
class TencentCiProducerOptionsTest extends EmulatorTestSupport {

    private String producerUri(String options) {
        return "tencent-ci:jobs?endpoint=" + emulator.baseUrl() + "&secretId=" + SECRET_ID + "&secretKey=RAW(" + SECRET_KEY
               + ")" + (options.isEmpty() ? "" : "&" + options);
    }

    private void addRoute(String from, String to) throws Exception {
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from(from).to(to);
            }
        });
    }

    @Test
    void anUnknownOperationFailsFastNamingTheOptionAndTheAllowedValues() {
        assertThatThrownBy(() -> context.getEndpoint(producerUri("operation=deleteJob")))
                .isInstanceOf(ResolveEndpointFailedException.class)
                .hasMessageContaining("Invalid tencent-ci options: operation 'deleteJob' is not allowed: use one of"
                                      + " [listJobs, describeJob, cancelJob, triggerJob]")
                .hasMessageNotContaining(SECRET_KEY);
    }

    @Test
    void consumerOnlyOptionsOnAProducerAreRefusedAtStartUpByName() {
        assertThatThrownBy(() -> addRoute("direct:in", producerUri("operation=describeJob&maxMessagesPerPoll=5&lookBack=1h"
                                                                    + "&idempotentKey=${header.CamelTencentCiJobId}")))
                .rootCause().isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Invalid tencent-ci options: maxMessagesPerPoll, idempotentKey, lookBack apply to the consumer"
                            + " only (from), not to a producer (to): remove them from tencent-ci://jobs");
        assertThatThrownBy(() -> addRoute("direct:in2", producerUri("readAhead=false")))
                .rootCause().hasMessageStartingWith("Invalid tencent-ci options: readAhead applies to the consumer only");
    }

    @Test
    void theOperationOnAConsumerIsRefusedAtStartUp() {
        assertThatThrownBy(() -> addRoute(jobsUri("operation=cancelJob"), "mock:jobs"))
                .rootCause().isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Invalid tencent-ci options: operation applies to the producer only (to), not to a consumer"
                            + " (from), which always lists jobs: remove it from tencent-ci://jobs");
    }

    @Test
    void theListingOptionsAreValidatedAsForTheConsumer() {
        assertThatThrownBy(() -> context.getEndpoint(producerUri("states=Done")))
                .hasMessageContaining("states 'Done' is not allowed");
        assertThatThrownBy(() -> context.getEndpoint(producerUri("size=101")))
                .hasMessageContaining("size 101 is out of range: allowed 1 to 100");
    }

    @Test
    void throttlingIsRetriedWithinTheExchange() {
        emulator.jobs().add(job("j1", "Running", 0));
        emulator.faults().enqueue(Fault.error(429, "SlowDown", "Please reduce your request rate"),
                Fault.error(503, "ServiceUnavailable", "try again"));

        try (LogCapture log = LogCapture.of(Level.INFO, "io.github.tencentci")) {
            Exchange exchange = template.send(producerUri("operation=describeJob&retryBaseDelay=10"),
                    e -> e.getMessage().setHeader(TencentCiConstants.JOB_ID, "j1"));

            assertThat(exchange.getException()).isNull();
            assertThat(exchange.getMessage().getHeader(TencentCiConstants.JOB_STATE)).isEqualTo("Running");
            assertThat(emulator.requests().all()).extracting(RecordedRequest::status).containsExactly(429, 503, 200);
            List<String> waits = log.linesContaining("waiting");
            assertThat(waits).hasSize(2);
            assertThat(waits.get(0)).startsWith("WARN").contains("describeJob of job 'j1' refused (HTTP 429 SlowDown",
                    "before attempt 2 of 3");
        }
    }

    @Test
    void exhaustedRetriesFailTheExchangeWithTheServiceError() {
        Fault unavailable = Fault.error(503, "ServiceUnavailable", "busy");
        emulator.faults().enqueue(unavailable, unavailable);

        try (LogCapture log = LogCapture.of(Level.INFO, "io.github.tencentci")) {
            Exchange exchange = template.send(producerUri("operation=cancelJob&jobId=j1&retryAttempts=2&retryBaseDelay=10"),
                    e -> { });

            assertThat(exchange.getException()).isInstanceOfSatisfying(CiServiceException.class,
                    e -> assertThat(e.getStatusCode()).isEqualTo(503));
            assertThat(emulator.requests().count()).isEqualTo(2);
            assertThat(log.linesContaining("still refused")).singleElement().asString()
                    .contains("cancelJob of job 'j1' is still refused after 2 attempts", "the exchange fails");
        }
    }

    @Test
    void noSecretReachesAnExceptionOrTheLog() throws Exception {
        emulator.jobs().add(job("j1", "Success", 0));
        String wrongKey = "wrongSecretKey000000000000000000000";
        // DEBUG: Camel core logs an endpoint's raw URI at TRACE (docs/component.md); secrets on the component avoid it
        try (LogCapture log = LogCapture.of(Level.DEBUG, "org.apache.camel", "io.github.tencentci", "org.apache.hc")) {
            addRoute("direct:cancel", producerUri("operation=cancelJob&jobId=j1"));
            addRoute("direct:badKey", producerUri("operation=describeJob&jobId=j1").replace(SECRET_KEY, wrongKey));

            Exception finished = template.send("direct:cancel", e -> { }).getException();
            Exception refused = template.send("direct:badKey", e -> { }).getException();

            assertThat(finished).isInstanceOf(CiServiceException.class);
            assertThat(refused).isInstanceOfSatisfying(CiServiceException.class,
                    e -> assertThat(e.getErrorCode()).isEqualTo("AccessDenied"));
            for (Exception e : List.of(finished, refused)) {
                assertThat(e.toString()).doesNotContain(SECRET_KEY, wrongKey, "q-signature");
            }
            assertThat(log.all()).contains("tencent-ci").doesNotContain(SECRET_KEY, wrongKey, "q-signature=");
        }
        assertThat(context.getEndpoints()).allSatisfy(endpoint ->
                assertThat(endpoint.toString()).doesNotContain(SECRET_KEY, wrongKey));
    }
}
