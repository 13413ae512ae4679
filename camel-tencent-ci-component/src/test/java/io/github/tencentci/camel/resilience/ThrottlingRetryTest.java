package io.github.tencentci.camel.resilience;

import java.time.Duration;
import java.util.List;

import io.github.tencentci.camel.EmulatorTestSupport;
import io.github.tencentci.camel.http.CiServiceException;
import io.github.tencentci.emulator.Fault;
import io.github.tencentci.emulator.RecordedRequest;
import org.apache.camel.Exchange;
import org.apache.logging.log4j.Level;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/** 429 SlowDown and 503 are retried inside the poll, visibly, within the budget, and never block a stop. */
class ThrottlingRetryTest extends EmulatorTestSupport {

    @Test
    void slowDownIsRetriedInsideThePollHonouringRetryAfterUpToTheCap() throws Exception {
        addJobs(5, "Running");
        emulator.faults().enqueue(
                Fault.error(429, "SlowDown", "Please reduce your request rate").retryAfter(Duration.ofSeconds(5)),
                Fault.error(503, "ServiceUnavailable", "try again"));
        try (LogCapture log = LogCapture.of(Level.INFO, "io.github.tencentci")) {
            startBridgedRoute(jobsUri("bridgeErrorHandler=true&retryBaseDelay=20&maxRetryAfter=400&delay=60000"));
            await().atMost(Duration.ofSeconds(10)).until(() -> getMockEndpoint("mock:jobs").getReceivedCounter() == 5);

            List<RecordedRequest> requests = emulator.requests().all();
            assertThat(requests).extracting(RecordedRequest::status).containsExactly(429, 503, 200);
            // Retry-After 5 s was cut to the 400 ms cap, not ignored and not obeyed
            long gap = Duration.between(requests.get(0).time(), requests.get(1).time()).toMillis();
            assertThat(gap).isBetween(350L, 3000L);
            assertThat(getMockEndpoint("mock:errors").getReceivedCounter()).isZero();
            List<String> waits = log.linesContaining("waiting");
            assertThat(waits).hasSize(2);
            assertThat(waits.get(0)).startsWith("WARN").contains("HTTP 429 SlowDown", requests.get(0).requestId(),
                    "before attempt 2 of 3", "Retry-After 5 s");
            assertThat(waits.get(1)).contains("HTTP 503 ServiceUnavailable", requests.get(1).requestId(),
                    "before attempt 3 of 3");
            assertThat(log.linesContaining("Poll done")).singleElement().asString().startsWith("INFO")
                    .contains("1 pages, 5 jobs listed, 5 emitted, 0 duplicates skipped", "ms waited for throttling");
        }
    }

    @Test
    void exhaustedAttemptsFailThePollWithTheServiceErrorAndTheNextPollRecovers() throws Exception {
        addJobs(3, "Running");
        Fault slowDown = Fault.error(429, "SlowDown", "Please reduce your request rate");
        emulator.faults().enqueue(slowDown, slowDown);
        startBridgedRoute(jobsUri("bridgeErrorHandler=true&retryAttempts=2&retryBaseDelay=10&delay=200"));

        await().atMost(Duration.ofSeconds(10)).until(() -> getMockEndpoint("mock:jobs").getReceivedCounter() == 3);
        assertThat(getMockEndpoint("mock:errors").getReceivedCounter()).isEqualTo(1);
        Throwable cause = getMockEndpoint("mock:errors").getReceivedExchanges().get(0)
                .getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        assertThat(cause).isInstanceOf(CiServiceException.class);
        assertThat(((CiServiceException) cause).getErrorCode()).isEqualTo("SlowDown");
        assertThat(emulator.requests().all()).extracting(RecordedRequest::status).startsWith(429, 429, 200);
    }

    @Test
    void aRetryThatWouldOverrunTheBudgetIsNotMade() throws Exception {
        addJobs(1, "Running");
        emulator.faults().enqueue(Fault.error(503, "ServiceUnavailable", "busy").retryAfter(Duration.ofSeconds(10)));
        startBridgedRoute(jobsUri("bridgeErrorHandler=true&maxRetryAfter=10000&retryBudget=1000&delay=100"));

        await().atMost(Duration.ofSeconds(5)).until(() -> getMockEndpoint("mock:jobs").getReceivedCounter() == 1);
        assertThat(getMockEndpoint("mock:errors").getReceivedCounter()).isEqualTo(1);
        List<RecordedRequest> requests = emulator.requests().all();
        // no 10 s sleep: the next poll came after the 100 ms delay
        assertThat(Duration.between(requests.get(0).time(), requests.get(1).time())).isLessThan(Duration.ofSeconds(3));
    }

    @Test
    void stoppingTheRouteEndsAThrottlingWaitPromptly() throws Exception {
        addJobs(1, "Running");
        emulator.faults().always(Fault.error(503, "ServiceUnavailable", "down for maintenance")
                .retryAfter(Duration.ofSeconds(30)));
        try (LogCapture log = LogCapture.of(Level.INFO, "io.github.tencentci")) {
            startBridgedRoute(jobsUri("bridgeErrorHandler=true&maxRetryAfter=30000&retryBudget=60000"));
            await().atMost(Duration.ofSeconds(5)).until(() -> !log.linesContaining("waiting 30000 ms").isEmpty());

            long start = System.nanoTime();
            context.getRouteController().stopRoute("jobs", 10, java.util.concurrent.TimeUnit.SECONDS);
            long stopMillis = (System.nanoTime() - start) / 1_000_000;
            assertThat(stopMillis).isLessThan(2000);
            assertThat(log.linesContaining("Stopped waiting")).hasSize(1);
        }
    }

    @Test
    void aConnectionClosedWithoutAnswerFailsThePollAndHttpClientDoesNotRetryIt() throws Exception {
        addJobs(1, "Running");
        emulator.faults().enqueue(Fault.closeConnection());
        getMockEndpoint("mock:errors").expectedMessageCount(1);
        startBridgedRoute(jobsUri("bridgeErrorHandler=true&delay=60000"));

        assertThat(emulator.takeRequest().status()).isEqualTo(RecordedRequest.NO_RESPONSE);
        getMockEndpoint("mock:errors").assertIsSatisfied();
        // HttpClient's automatic retries are off: nothing asks again before the next poll, a minute away
        assertThatThrownBy(() -> emulator.takeRequest(Duration.ofMillis(500))).as("a retried request")
                .isInstanceOf(AssertionError.class);
    }

    @Test
    void aPollWithNothingNewLogsItsSummaryAtDebugOnly() throws Exception {
        addJobs(2, "Running");
        try (LogCapture log = LogCapture.of(Level.DEBUG, "io.github.tencentci.camel.TencentCiConsumer")) {
            startRoute(jobsUri(""));
            emulator.takeRequest();
            // three more polls, in which nothing is new
            emulator.takeRequest();
            emulator.takeRequest();
            emulator.takeRequest();
            context.getRouteController().stopRoute("jobs");

            assertThat(log.linesContaining("Poll done")).filteredOn(line -> line.startsWith("INFO"))
                    .singleElement().asString().contains("2 emitted");
            assertThat(log.linesContaining("Poll done")).filteredOn(line -> line.startsWith("DEBUG"))
                    .hasSizeGreaterThanOrEqualTo(2).allSatisfy(line -> assertThat(line).contains("0 emitted"));
        }
    }
}
