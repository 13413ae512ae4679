package io.github.tencentci.camel.delivery;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.github.tencentci.camel.EmulatorTestSupport;
import io.github.tencentci.camel.TencentCiConstants;
import io.github.tencentci.emulator.EmulatedJob;
import io.github.tencentci.emulator.RecordedRequest;
import org.apache.camel.Consumer;
import org.apache.camel.Endpoint;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.support.DefaultPollingConsumerPollStrategy;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Incremental polling ({@code lookBack}) over real HTTP: what a quiet poll costs over 10,000 jobs of history, counted
 * from the emulator's request log at the end of each poll, and that a job which runs far longer than the window still
 * has every state change emitted, once.
 */
class IncrementalPollingTest extends EmulatorTestSupport {

    private static final Logger LOG = LoggerFactory.getLogger(IncrementalPollingTest.class);
    private static final int HISTORY = 10_000;
    private static final String OPEN_STATES = "Submitted,Running,Pause";
    private static final java.time.format.DateTimeFormatter WIRE_TIME
            = java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssxx");

    /** The emulator's request count when each poll ended. */
    private final List<Integer> requestsAtPollEnd = new CopyOnWriteArrayList<>();

    @BeforeEach
    void countRequestsPerPoll() {
        context.getRegistry().bind("countPolls", new DefaultPollingConsumerPollStrategy() {
            @Override
            public void commit(Consumer consumer, Endpoint endpoint, int polledMessages) {
                requestsAtPollEnd.add(emulator.requests().count());
            }
        });
    }

    @Test
    void withoutLookBackEveryPollWalksTheWholeHistory() throws Exception {
        emulator.jobs().seed(HISTORY, 42L);
        startRoute(jobsUri("size=100&delay=10&pollStrategy=#countPolls"));

        MockEndpoint mock = getMockEndpoint("mock:jobs");
        await().atMost(Duration.ofSeconds(60)).until(() -> mock.getReceivedCounter() >= HISTORY);
        List<Integer> perPoll = requestsOfNextPolls(4);

        LOG.info("Without lookBack, {} jobs of history: requests per poll {}", HISTORY, perPoll);
        assertThat(perPoll).containsOnly(HISTORY / 100);
        assertThat(mock.getReceivedCounter()).isEqualTo(HISTORY);
    }

    @Test
    void withLookBackAQuietPollIsTwoSmallRequests() throws Exception {
        emulator.jobs().seed(HISTORY, 42L);
        OffsetDateTime now = OffsetDateTime.now(emulator.clock());
        finishEverythingCreatedBefore(now.minusHours(1));
        int inWindow = (int) emulator.jobs().all().stream()
                .filter(job -> job.creationTime().isAfter(now.minusHours(1).plusMinutes(1))).count();
        startRoute(jobsUri("size=100&delay=10&lookBack=1h&pollStrategy=#countPolls"));

        List<Integer> perPoll = requestsOfNextPolls(4);

        LOG.info("With lookBack=1h, {} jobs of history ({} in the window): requests per poll {}", HISTORY, inWindow, perPoll);
        // the open jobs (all within the hour here), then the window
        assertThat(perPoll).containsOnly(2);
        List<RecordedRequest> poll = emulator.requests().all().subList(0, 2);
        assertThat(poll.get(0).params()).containsEntry("states", OPEN_STATES).doesNotContainKey("startCreationTime");
        OffsetDateTime start = OffsetDateTime.parse(poll.get(1).params().get("startCreationTime"), WIRE_TIME);
        assertThat(Duration.between(start, now).abs()).isBetween(Duration.ofMinutes(59), Duration.ofMinutes(61));
        assertThat(getMockEndpoint("mock:jobs").getReceivedCounter()).isBetween(inWindow, inWindow + 10);
    }

    @Test
    void aJobRunningFarLongerThanTheWindowIsEmittedWhenItFails() throws Exception {
        OffsetDateTime now = OffsetDateTime.now(emulator.clock()).withNano(0);
        emulator.jobs().add(job("long", "Running", now.minusHours(3)));
        emulator.jobs().add(job("done", "Success", now.minusHours(2)));
        emulator.jobs().add(job("fresh", "Running", now.minusMinutes(10)));
        startRoute(jobsUri("lookBack=1h&pollStrategy=#countPolls"));
        await().atMost(Duration.ofSeconds(10)).until(() -> receivedKeys().containsAll(List.of("long:Running", "fresh:Running")));

        // between two polls: it was open at the last one, it is not any more, and it is outside the window
        emulator.jobs().setState("long", "Failed");
        emulator.jobs().setState("fresh", "Failed");
        await().atMost(Duration.ofSeconds(10)).until(() -> receivedKeys().containsAll(List.of("long:Failed", "fresh:Failed")));
        requestsOfNextPolls(3);

        // once each; the job that finished long before the window is never listed
        assertThat(receivedKeys()).containsExactlyInAnyOrder("long:Running", "fresh:Running", "long:Failed", "fresh:Failed");
        List<RecordedRequest> lookedUp = emulator.requests().all().stream()
                .filter(r -> "long".equals(r.params().get("jobId"))).toList();
        assertThat(lookedUp).as("the finished job is read by its id, once").hasSize(1);
        assertThat(lookedUp.get(0).params()).doesNotContainKeys("states", "startCreationTime");
    }

    @Test
    void aStatesFilterThatHidesOpenJobsStillSeesTheirFailure() throws Exception {
        OffsetDateTime now = OffsetDateTime.now(emulator.clock()).withNano(0);
        emulator.jobs().add(job("long", "Running", now.minusHours(5)));
        emulator.jobs().add(job("paused", "Pause", now.minusDays(2)));
        startRoute(jobsUri("lookBack=1h&states=Failed&pollStrategy=#countPolls"));
        requestsOfNextPolls(2);
        assertThat(receivedKeys()).isEmpty();

        emulator.jobs().setState("long", "Failed");
        await().atMost(Duration.ofSeconds(10)).until(() -> receivedKeys().contains("long:Failed"));
        emulator.jobs().setState("paused", "Success");
        requestsOfNextPolls(3);

        assertThat(receivedKeys()).containsExactly("long:Failed");
    }

    @Test
    void cappedPollsResumeAcrossTheLegsAndSkipNothing() throws Exception {
        // 30 open jobs older than the window (leg 1), 30 in the window (leg 2), 20 a page, 25 a poll: caps fall
        // inside pages of both legs and at the boundary between them
        OffsetDateTime now = OffsetDateTime.now(emulator.clock()).withNano(0);
        List<String> expected = new java.util.ArrayList<>();
        for (int i = 0; i < 30; i++) {
            emulator.jobs().add(job("old" + i, "Running", now.minusHours(3).plusSeconds(i)));
            emulator.jobs().add(job("new" + i, "Success", now.minusMinutes(30).plusSeconds(i)));
            expected.add("old" + i + ":Running");
            expected.add("new" + i + ":Success");
        }
        List<Integer> emittedPerPoll = new CopyOnWriteArrayList<>();
        context.getRegistry().bind("countEmitted", new DefaultPollingConsumerPollStrategy() {
            @Override
            public void commit(Consumer consumer, Endpoint endpoint, int polledMessages) {
                emittedPerPoll.add(polledMessages);
            }
        });
        MockEndpoint mock = getMockEndpoint("mock:jobs");
        mock.expectedMessageCount(60);

        startRoute(jobsUri("lookBack=1h&size=20&maxMessagesPerPoll=25&pollStrategy=#countEmitted"));
        mock.assertIsSatisfied(Duration.ofSeconds(10).toMillis());
        int polls = emittedPerPoll.size();
        await().atMost(Duration.ofSeconds(10)).until(() -> emittedPerPoll.size() >= polls + 3);

        assertThat(receivedKeys()).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(emittedPerPoll).allSatisfy(n -> assertThat(n).isLessThanOrEqualTo(25));
        assertThat(emittedPerPoll.subList(0, 3)).containsExactly(25, 25, 10);
    }

    @Test
    void aRouteRestartKeepsTheMemoryOfOpenJobs() throws Exception {
        OffsetDateTime now = OffsetDateTime.now(emulator.clock()).withNano(0);
        emulator.jobs().add(job("long", "Running", now.minusHours(3)));
        startRoute(jobsUri("lookBack=1h&pollStrategy=#countPolls"));
        await().atMost(Duration.ofSeconds(10)).until(() -> receivedKeys().contains("long:Running"));

        context.getRouteController().stopRoute("jobs");
        emulator.jobs().setState("long", "Failed"); // while no consumer runs
        context.getRouteController().startRoute("jobs");

        await().atMost(Duration.ofSeconds(10)).until(() -> receivedKeys().contains("long:Failed"));
        requestsOfNextPolls(2);
        assertThat(receivedKeys()).containsExactly("long:Running", "long:Failed");
    }

    @Test
    void aNewEndpointOnAPersistentRepositoryListsEverythingOnceThenEmitsWhatFinishedMeanwhile(
            @org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        context.getRegistry().bind("delivered", org.apache.camel.support.processor.idempotent.FileIdempotentRepository
                .fileIdempotentRepository(dir.resolve("delivered.txt").toFile()));
        OffsetDateTime now = OffsetDateTime.now(emulator.clock()).withNano(0);
        emulator.jobs().add(job("long", "Running", now.minusHours(3)));
        emulator.jobs().add(job("old", "Success", now.minusDays(3)));
        startRoute(jobsUri("lookBack=1h&idempotentRepository=#delivered&pollStrategy=#countPolls"));
        await().atMost(Duration.ofSeconds(10)).until(() -> receivedKeys().containsAll(List.of("long:Running", "old:Success")));
        List<Integer> steady = requestsOfNextPolls(2);
        context.getRouteController().stopRoute("jobs");
        List<String> firstProcess = receivedKeys();
        context.removeRoute("jobs"); // and with it mock:jobs, which no other route uses

        // another process (a new endpoint: nothing remembered but the repository) after the job failed
        emulator.jobs().setState("long", "Failed");
        int before = emulator.requests().count();
        context.addRoutes(new org.apache.camel.builder.RouteBuilder() {
            @Override
            public void configure() {
                from(jobsUri("lookBack=1h&idempotentRepository=#delivered&pollStrategy=#countPolls&delay=40"))
                        .routeId("again").to("mock:jobs");
            }
        });
        await().atMost(Duration.ofSeconds(10)).until(() -> receivedKeys().contains("long:Failed"));
        requestsOfNextPolls(2);

        assertThat(steady).containsOnly(2);
        assertThat(firstProcess).containsExactlyInAnyOrder("long:Running", "old:Success");
        assertThat(receivedKeys()).containsExactly("long:Failed");
        // its first walk listed everything (no window), the later ones only the window
        assertThat(emulator.requests().all().stream().skip(before).limit(2))
                .allSatisfy(r -> assertThat(r.params()).doesNotContainKey("startCreationTime"));
    }

    @Test
    void aFinishedJobThatLeavesTheWindowIsNeitherListedNorEmittedAgain() throws Exception {
        // a 2 s window, so that the job leaves it during the test
        OffsetDateTime now = OffsetDateTime.now(emulator.clock()).withNano(0);
        emulator.jobs().add(job("short", "Success", now));
        startRoute(jobsUri("lookBack=2s&pollStrategy=#countPolls"));
        await().atMost(Duration.ofSeconds(10)).until(() -> receivedKeys().contains("short:Success"));

        int before = emulator.requests().count();
        await().atMost(Duration.ofSeconds(10)).until(() -> emulator.requests().all().stream().skip(before)
                .map(r -> r.params().get("startCreationTime")).filter(java.util.Objects::nonNull)
                .anyMatch(start -> OffsetDateTime.parse(start, WIRE_TIME).isAfter(now)));
        List<Integer> afterLeaving = requestsOfNextPolls(2);

        assertThat(afterLeaving).containsOnly(2);
        assertThat(receivedKeys()).containsExactly("short:Success");
    }

    private static EmulatedJob job(String id, String state, OffsetDateTime created) {
        return EmulatedJob.builder().jobId(id).name(id).type("Job").state(state).creationTime(created).build();
    }

    /** Moves every open job created before {@code time} to Success: a history whose old jobs all ended. */
    private void finishEverythingCreatedBefore(OffsetDateTime time) {
        for (EmulatedJob job : emulator.jobs().all()) {
            if (job.creationTime().isBefore(time) && OPEN_STATES.contains(job.state())) {
                emulator.jobs().setState(job.jobId(), "Success");
            }
        }
    }

    private List<String> receivedKeys() {
        return getMockEndpoint("mock:jobs").getReceivedExchanges().stream()
                .map(e -> e.getMessage().getHeader(TencentCiConstants.JOB_ID) + ":"
                          + e.getMessage().getHeader(TencentCiConstants.JOB_STATE))
                .toList();
    }

    /** Waits for {@code count} more completed polls after the one running now; returns the requests each made. */
    private List<Integer> requestsOfNextPolls(int count) {
        int ended = requestsAtPollEnd.size();
        await().atMost(Duration.ofSeconds(60)).until(() -> requestsAtPollEnd.size() >= ended + count + 1);
        List<Integer> perPoll = new java.util.ArrayList<>();
        for (int i = ended + 1; i <= ended + count; i++) {
            perPoll.add(requestsAtPollEnd.get(i) - requestsAtPollEnd.get(i - 1));
        }
        return perPoll;
    }
}
