package io.github.tencentci.camel.delivery;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

import io.github.tencentci.camel.EmulatorTestSupport;
import io.github.tencentci.camel.TencentCiConstants;
import io.github.tencentci.emulator.EmulatedJob;
import io.github.tencentci.emulator.RecordedRequest;
import org.apache.camel.component.mock.MockEndpoint;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Requests per poll over 10,000 jobs of history, with and without the {@code lookBack} window, counted from the
 * emulator's request log; and the window's trade-off.
 */
class IncrementalPollingTest extends EmulatorTestSupport {

    private static final Logger LOG = LoggerFactory.getLogger(IncrementalPollingTest.class);
    private static final int HISTORY = 10_000;

    @Test
    void withoutLookBackEveryPollWalksTheWholeHistory() throws Exception {
        emulator.jobs().seed(HISTORY, 42L);
        startRoute(jobsUri("size=100&delay=10"));

        MockEndpoint mock = getMockEndpoint("mock:jobs");
        await().atMost(Duration.ofSeconds(60)).until(() -> mock.getReceivedCounter() >= HISTORY);
        List<Integer> perPoll = awaitCompletedPolls(4);

        LOG.info("Without lookBack, {} jobs of history: requests per poll {}", HISTORY, perPoll);
        assertThat(perPoll).containsOnly(HISTORY / 100);
        assertThat(mock.getReceivedCounter()).isEqualTo(HISTORY);
    }

    @Test
    void withLookBackAQuietPollIsOneRequest() throws Exception {
        emulator.jobs().seed(HISTORY, 42L);
        OffsetDateTime now = OffsetDateTime.now(emulator.clock());
        int inWindow = (int) emulator.jobs().all().stream()
                .filter(job -> job.creationTime().isAfter(now.minusHours(1).plusMinutes(1))).count();
        startRoute(jobsUri("size=100&delay=10&lookBack=1h"));

        List<Integer> perPoll = awaitCompletedPolls(4);

        LOG.info("With lookBack=1h, {} jobs of history ({} in the window): requests per poll {}", HISTORY, inWindow, perPoll);
        assertThat(perPoll).containsOnly(1);
        RecordedRequest first = emulator.requests().all().get(0);
        OffsetDateTime start = OffsetDateTime.parse(first.params().get("startCreationTime"),
                java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssxx"));
        assertThat(Duration.between(start, now).abs()).isBetween(Duration.ofMinutes(59), Duration.ofMinutes(61));
        assertThat(getMockEndpoint("mock:jobs").getReceivedCounter()).isBetween(inWindow, inWindow + 10);
    }

    @Test
    void aJobThatLeavesTheWindowIsNotEmittedAgainAndNoLongerListed() throws Exception {
        OffsetDateTime now = OffsetDateTime.now(emulator.clock()).withNano(0);
        // "leaving" is inside the one-hour window for five more seconds, "staying" throughout; neither changes state
        OffsetDateTime leavingCreated = now.minusHours(1).plusSeconds(5);
        emulator.jobs().add(EmulatedJob.builder().jobId("leaving").name("leaving").type("Job").state("Success")
                .creationTime(leavingCreated).build());
        emulator.jobs().add(EmulatedJob.builder().jobId("staying").name("staying").type("Job").state("Success")
                .creationTime(now.minusMinutes(10)).build());
        List<Long> listedAfterEachPoll = new java.util.concurrent.CopyOnWriteArrayList<>();
        context.getRegistry().bind("countListed", new org.apache.camel.support.DefaultPollingConsumerPollStrategy() {
            @Override
            public void commit(org.apache.camel.Consumer consumer, org.apache.camel.Endpoint endpoint, int polled) {
                listedAfterEachPoll.add(((io.github.tencentci.camel.TencentCiConsumer) consumer).getJobsListed());
            }
        });
        startRoute(jobsUri("lookBack=1h&delay=200&pollStrategy=#countListed"));

        // the window moves with each poll: wait for the first request whose window starts after "leaving" was created
        RecordedRequest request = takeRequest();
        for (int i = 0; i < 100 && !windowStart(request).isAfter(leavingCreated); i++) {
            request = takeRequest();
        }
        assertThat(windowStart(request)).as("the window of a later poll").isAfter(leavingCreated);
        awaitFurtherRequests(3);

        // each job once, "leaving" while it was inside the window; nothing again after it left
        assertThat(receivedKeys()).containsExactlyInAnyOrder("leaving:Success", "staying:Success");
        List<Long> listedPerPoll = new ArrayList<>();
        for (int i = 0; i < listedAfterEachPoll.size(); i++) {
            listedPerPoll.add(listedAfterEachPoll.get(i) - (i == 0 ? 0 : listedAfterEachPoll.get(i - 1)));
        }
        LOG.info("Jobs listed per poll while one left the window: {}", listedPerPoll);
        // both listed at first; once "leaving" was not listed any more it never came back
        assertThat(listedPerPoll.get(0)).isEqualTo(2);
        int left = listedPerPoll.indexOf(1L);
        assertThat(left).as("a poll that listed only one job").isPositive();
        assertThat(listedPerPoll.subList(left, listedPerPoll.size())).hasSizeGreaterThanOrEqualTo(3).containsOnly(1L);
    }

    private static OffsetDateTime windowStart(RecordedRequest request) {
        return OffsetDateTime.parse(request.params().get("startCreationTime"),
                java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssxx"));
    }

    private List<String> receivedKeys() {
        return getMockEndpoint("mock:jobs").getReceivedExchanges().stream()
                .map(e -> e.getMessage().getHeader(TencentCiConstants.JOB_ID) + ":"
                          + e.getMessage().getHeader(TencentCiConstants.JOB_STATE))
                .toList();
    }

    /**
     * Waits until {@code count} more polls completed after the first and returns how many requests each made. A poll
     * starts with a request without nextToken.
     */
    private List<Integer> awaitCompletedPolls(int count) {
        int startedBefore = walkStarts(emulator.requests().all()).size();
        await().atMost(Duration.ofSeconds(60))
                .until(() -> walkStarts(emulator.requests().all()).size() >= startedBefore + count + 1);
        List<RecordedRequest> requests = emulator.requests().all();
        List<Integer> starts = walkStarts(requests);
        List<Integer> perPoll = new ArrayList<>();
        // skip the first poll (the catch-up) and the last, which may still run
        for (int i = Math.max(1, startedBefore); i < starts.size() - 1; i++) {
            perPoll.add(starts.get(i + 1) - starts.get(i));
        }
        return perPoll;
    }

    private static List<Integer> walkStarts(List<RecordedRequest> requests) {
        List<Integer> starts = new ArrayList<>();
        for (int i = 0; i < requests.size(); i++) {
            if (!requests.get(i).params().containsKey("nextToken")) {
                starts.add(i);
            }
        }
        return starts;
    }
}
