package io.github.tencentci.camel.resilience;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.function.Supplier;

import io.github.tencentci.camel.EmulatorTestSupport;
import io.github.tencentci.camel.TencentCiConstants;
import io.github.tencentci.camel.TencentCiConsumer;
import io.github.tencentci.emulator.Fault;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Every fault class the emulator can inject, many times, in random order (fixed seed), against a set of jobs that
 * also change state during the run, with every job listed on two pages: nothing is lost, nothing is emitted twice.
 * The figures printed at the end are those in docs/reliability.md.
 */
class FaultInjectionSuiteTest extends EmulatorTestSupport {

    private static final long SEED = 20241231L;
    private static final int JOBS = 200;
    private static final int FAULTS = 240;
    private static final int STATE_CHANGES = 40;

    @Test

    void everyFaultClassInRandomOrderLosesNoJobAndDuplicatesNone() throws Exception {
        Map<String, Supplier<Fault>> kinds = new TreeMap<>();
        kinds.put("429 SlowDown + Retry-After", () -> Fault.error(429, "SlowDown", "slow down").retryAfter(Duration.ofSeconds(2)));
        kinds.put("503 ServiceUnavailable", () -> Fault.error(503, "ServiceUnavailable", "busy"));
        kinds.put("500 InternalError", () -> Fault.error(500, "InternalError", "oops"));
        kinds.put("read timeout (delay)", () -> Fault.delay(Duration.ofMillis(400)));
        kinds.put("truncated body", Fault::cutMidBody);
        kinds.put("connection reset", Fault::closeConnection);
        kinds.put("malformed XML", Fault::malformedXml);
        kinds.put("none", () -> Fault.delay(Duration.ZERO));
        List<String> names = new ArrayList<>(kinds.keySet());
        Random random = new Random(SEED);
        Map<String, Integer> injected = new TreeMap<>();
        List<Fault> script = new ArrayList<>();
        for (int i = 0; i < FAULTS; i++) {
            String kind = names.get(random.nextInt(names.size()));
            injected.merge(kind, 1, Integer::sum);
            script.add(kinds.get(kind).get());
        }
        addJobs(JOBS, "Running");
        emulator.faults().duplicateAcrossPages(true).enqueue(script.toArray(Fault[]::new));
        long start = System.nanoTime();
        startRoute(jobsUri("size=20&delay=10&responseTimeout=250&retryBaseDelay=5&maxRetryAfter=30&retryBudget=500"));

        // halfway through the faults, jobs change state: each change must be delivered too
        await().atMost(Duration.ofSeconds(60)).until(() -> emulator.faults().pending() <= FAULTS / 2);
        // only jobs already delivered as Running change, so that every state a job passes through is listed at least
        // once and must be delivered: a job moved on before any listing showed its first state was never "lost"
        List<String> delivered = getMockEndpoint("mock:jobs").getReceivedExchanges().stream()
                .map(e -> e.getMessage().getHeader(TencentCiConstants.JOB_ID, String.class)).distinct().sorted().toList();
        List<String> changed = new ArrayList<>();
        for (int i = 0; i < STATE_CHANGES && !delivered.isEmpty(); i++) {
            String jobId = delivered.get(random.nextInt(delivered.size()));
            if (!changed.contains(jobId)) {
                changed.add(jobId);
                emulator.jobs().setState(jobId, "Success");
            }
        }
        int expected = JOBS + changed.size();
        await().atMost(Duration.ofSeconds(60)).until(
                () -> emulator.faults().pending() == 0 && getMockEndpoint("mock:jobs").getReceivedCounter() >= expected);
        // a few clean polls more: nothing further may arrive
        awaitFurtherRequests(30);
        long millis = (System.nanoTime() - start) / 1_000_000;

        Map<String, Integer> deliveries = new HashMap<>();
        for (Exchange e : getMockEndpoint("mock:jobs").getReceivedExchanges()) {
            deliveries.merge(e.getMessage().getHeader(TencentCiConstants.JOB_ID) + ":"
                             + e.getMessage().getHeader(TencentCiConstants.JOB_STATE), 1, Integer::sum);
        }
        long duplicated = deliveries.values().stream().filter(n -> n > 1).count();
        long lost = 0;
        for (int i = 0; i < JOBS; i++) {
            String jobId = String.format("j%05d", i);
            lost += deliveries.containsKey(jobId + ":Running") ? 0 : 1;
            lost += changed.contains(jobId) && !deliveries.containsKey(jobId + ":Success") ? 1 : 0;
        }
        TencentCiConsumer consumer = (TencentCiConsumer) context.getRoute("jobs").getConsumer();
        System.out.printf("Fault suite (seed %d): %d faults injected %s; %d requests; %d polls (%d failed), %d throttle"
                          + " retries, %d duplicates skipped; jobs expected %d, delivered %d distinct, duplicated %d,"
                          + " lost %d; %d ms%n", SEED, FAULTS, injected, emulator.requests().count(),
                consumer.getPollCount(), consumer.getFailedPollCount(), consumer.getThrottleRetries(),
                consumer.getDuplicatesSkipped(), expected, deliveries.size(), duplicated, lost, millis);

        assertThat(lost).isZero();
        assertThat(duplicated).isZero();
        assertThat(deliveries).hasSize(expected);
        assertThat(getMockEndpoint("mock:jobs").getReceivedCounter()).isEqualTo(expected);
        assertThat(consumer.getFailedPollCount()).isPositive();
        assertThat(consumer.getThrottleRetries()).isPositive();
    }
}
