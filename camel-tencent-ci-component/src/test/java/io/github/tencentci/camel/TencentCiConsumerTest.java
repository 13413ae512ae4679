package io.github.tencentci.camel;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.github.tencentci.camel.model.JobsDetail;
import io.github.tencentci.emulator.EmulatedJob;
import io.github.tencentci.emulator.RecordedRequest;
import org.apache.camel.Exchange;
import org.apache.camel.component.mock.MockEndpoint;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

class TencentCiConsumerTest extends EmulatorTestSupport {

    private List<String> receivedJobIds() {
        return getMockEndpoint("mock:jobs").getReceivedExchanges().stream()
                .map(e -> e.getMessage().getHeader(TencentCiConstants.JOB_ID, String.class))
                .toList();
    }

    @Test
    void walksEveryPageAndEmitsEachJobOnce() throws Exception {
        addJobs(250, "Running");
        MockEndpoint mock = getMockEndpoint("mock:jobs");
        mock.expectedMessageCount(250);
        startRoute(jobsUri("size=100"));

        List<RecordedRequest> firstWalk = takeRequests(3);
        mock.assertIsSatisfied();
        // three more walks of three pages: nothing new may arrive
        awaitFurtherRequests(9);

        List<String> ids = receivedJobIds();
        assertThat(ids).hasSize(250).doesNotHaveDuplicates();
        assertThat(firstWalk.get(0).params()).doesNotContainKey("nextToken");
        assertThat(firstWalk.get(1).params()).containsKey("nextToken");
        assertThat(firstWalk.get(2).params()).containsKey("nextToken");
        assertThat(firstWalk).allSatisfy(r -> assertThat(r.status()).isEqualTo(200));
    }

    @Test
    void cappedPollsResumeWhereTheyStoppedAndSkipNothing() throws Exception {
        addJobs(95, "Running");
        List<Integer> emittedPerPoll = new java.util.concurrent.CopyOnWriteArrayList<>();
        context.getRegistry().bind("countPolls", new org.apache.camel.support.DefaultPollingConsumerPollStrategy() {
            @Override
            public void commit(org.apache.camel.Consumer consumer, org.apache.camel.Endpoint endpoint, int polledMessages) {
                emittedPerPoll.add(polledMessages);
            }
        });
        // 30 a poll from pages of 20: each cap falls inside a page
        MockEndpoint mock = getMockEndpoint("mock:jobs");
        mock.expectedMessageCount(95);
        startRoute(jobsUri("size=20&maxMessagesPerPoll=30&delay=20&pollStrategy=#countPolls"));

        mock.assertIsSatisfied();
        awaitFurtherRequests(6);

        assertThat(receivedJobIds()).hasSize(95).doesNotHaveDuplicates();
        // the first poll stops in the second page, the second poll starts by reading that page again
        List<RecordedRequest> requests = emulator.requests().all();
        String secondPageToken = requests.get(1).params().get("nextToken");
        assertThat(secondPageToken).isNotNull();
        assertThat(requests.get(2).params().get("nextToken")).isEqualTo(secondPageToken);
        // capped polls never exceed the cap: 30, 30, 30, then the last 5, then nothing new
        assertThat(emittedPerPoll).allSatisfy(emitted -> assertThat(emitted).isLessThanOrEqualTo(30));
        assertThat(emittedPerPoll).startsWith(30, 30, 30, 5);
        assertThat(emittedPerPoll.stream().mapToInt(Integer::intValue).sum()).isEqualTo(95);
    }

    @Test
    void sendsEveryFilterOptionOnTheWireInTheServiceFormat() throws Exception {
        emulator.jobs().add(EmulatedJob.builder().jobId("jw1").name("nightly transcode").type("Workflow").state("Failed")
                .workflowIds("w7476ff3564ee45b7b490d64bccaba6cc").creationTime(T0.plusHours(1)).build());
        startRoute(jobsUri("size=7&type=workflow&orderByTime=asc&states=failed,Running"
                           + "&startCreationTime=2024-12-31T12:00:00%2B0800&endCreationTime=2025-01-01T04:00:00Z"
                           + "&workflowId=w7476ff3564ee45b7b490d64bccaba6cc&jobId=jw1&name=nightly transcode"));

        RecordedRequest first = takeRequest();
        assertThat(first.params()).containsExactlyInAnyOrderEntriesOf(Map.of(
                "size", "7",
                "type", "Workflow",
                "orderByTime", "Asc",
                "states", "Failed,Running",
                "startCreationTime", "2024-12-31T12:00:00+0800",
                "endCreationTime", "2025-01-01T04:00:00+0000",
                "workflowId", "w7476ff3564ee45b7b490d64bccaba6cc",
                "jobId", "jw1",
                "name", "nightly transcode"));
        assertThat(first.rawQuery()).contains("startCreationTime=2024-12-31T12%3A00%3A00%2B0800")
                .contains("name=nightly%20transcode");
    }

    @Test
    void setsHeadersAndAJobsDetailBody() throws Exception {
        emulator.jobs().add(EmulatedJob.builder().jobId("b3deffea2f84911ec9cb15254008618d9").name("demo").type("Workflow")
                .state("Running").creationTime(T0).build());
        MockEndpoint mock = getMockEndpoint("mock:jobs");
        mock.expectedMessageCount(1);
        startRoute(jobsUri(""));

        mock.assertIsSatisfied();
        Exchange exchange = mock.getReceivedExchanges().get(0);
        Map<String, Object> headers = exchange.getMessage().getHeaders();
        assertThat(headers).containsEntry(TencentCiConstants.JOB_ID, "b3deffea2f84911ec9cb15254008618d9")
                .containsEntry(TencentCiConstants.JOB_STATE, "Running")
                .containsEntry(TencentCiConstants.JOB_TYPE, "Workflow")
                .containsEntry(TencentCiConstants.JOB_NAME, "demo")
                .containsEntry(TencentCiConstants.CREATION_TIME, T0);
        assertThat(headers.get(TencentCiConstants.REQUEST_ID)).isNotNull()
                .isEqualTo(takeRequest().requestId());
        JobsDetail body = exchange.getMessage().getBody(JobsDetail.class);
        assertThat(body.getJobId()).isEqualTo("b3deffea2f84911ec9cb15254008618d9");
        assertThat(body.getStartTime()).isNull();
        assertThat(exchange.getMessage().getBody(String.class))
                .contains("<JobId>b3deffea2f84911ec9cb15254008618d9</JobId>");
        assertThat(exchange.getProperty(Exchange.BATCH_COMPLETE, Boolean.class)).isTrue();
    }

    @Test
    void emitsAgainOnAStateChangeAndNeverForAnUnchangedJob() throws Exception {
        addJobs(3, "Running");
        startRoute(jobsUri(""));
        await().atMost(Duration.ofSeconds(10)).until(() -> receivedJobIds().size() == 3);

        emulator.jobs().setState("j00001", "Failed");
        await().atMost(Duration.ofSeconds(10)).until(() -> receivedJobIds().size() == 4);
        // five more polls: nothing more may arrive
        awaitFurtherRequests(5);

        List<Exchange> exchanges = getMockEndpoint("mock:jobs").getReceivedExchanges();
        assertThat(exchanges).hasSize(4);
        Exchange last = exchanges.get(3);
        assertThat(last.getMessage().getHeader(TencentCiConstants.JOB_ID)).isEqualTo("j00001");
        assertThat(last.getMessage().getHeader(TencentCiConstants.JOB_STATE)).isEqualTo("Failed");
    }

    @Test
    void aRepeatingNextTokenEndsTheWalkInsteadOfLooping() throws Exception {
        addJobs(30, "Running");
        emulator.faults().repeatNextToken(true);
        MockEndpoint mock = getMockEndpoint("mock:jobs");
        mock.expectedMessageCount(20);
        startRoute(jobsUri("size=10&delay=2000"));

        List<RecordedRequest> walk = takeRequests(2);
        assertThat(walk.get(1).params().get("nextToken")).isNotNull();
        // the second page repeated the token of the first: the poll must stop there, not walk on forever (the next
        // poll is 2 s away)
        assertThatThrownBy(() -> emulator.takeRequest(Duration.ofMillis(500))).as("a third request")
                .isInstanceOf(AssertionError.class);
        // exactly the two pages read: 10 jobs each, none twice
        mock.assertIsSatisfied();
        assertThat(receivedJobIds()).doesNotHaveDuplicates().hasSize(20);
    }

    @Test
    void readsOnWhileTheRouteProcessesAPageButNeverMoreThanTwoPagesAhead() throws Exception {
        addJobs(50, "Running");
        java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.atomic.AtomicBoolean first = new java.util.concurrent.atomic.AtomicBoolean(true);
        MockEndpoint mock = getMockEndpoint("mock:jobs");
        mock.expectedMessageCount(50);
        context.addRoutes(new org.apache.camel.builder.RouteBuilder() {
            @Override
            public void configure() {
                from(jobsUri("size=10&delay=60000")).routeId("jobs")
                        .process(e -> {
                            if (first.getAndSet(false)) {
                                release.await(30, java.util.concurrent.TimeUnit.SECONDS); // the route is busy
                            }
                        })
                        .to("mock:jobs");
            }
        });

        // while the first job of page 1 is held, the pages after it are read: page 2 (read, not taken) and page 3
        // (being read, then held until page 2 is taken), and no further, so memory stays bounded by three pages
        List<RecordedRequest> held = takeRequests(3);
        assertThatThrownBy(() -> emulator.takeRequest(Duration.ofMillis(500))).as("a fourth request while page 1 is held")
                .isInstanceOf(AssertionError.class);
        assertThat(emulator.requests().count()).isEqualTo(3);
        assertThat(held.get(2).params().get("nextToken")).isNotNull();
        release.countDown();

        mock.assertIsSatisfied();
        assertThat(receivedJobIds()).doesNotHaveDuplicates();
        // five pages, each read once; nothing read beyond the last page
        assertThat(emulator.requests().count()).isEqualTo(5);
    }

    @Test
    void aCappedPollReadsAheadNoPageItWillNotTake() throws Exception {
        addJobs(50, "Running");
        MockEndpoint mock = getMockEndpoint("mock:jobs");
        mock.expectedMessageCount(20);
        startRoute(jobsUri("size=10&maxMessagesPerPoll=20&delay=60000"));

        mock.assertIsSatisfied();
        // the cap is reached at the end of page 2: page 3 is neither read ahead nor read on
        assertThat(takeRequests(2)).hasSize(2);
        assertThatThrownBy(() -> emulator.takeRequest(Duration.ofMillis(500))).as("a request for page 3")
                .isInstanceOf(AssertionError.class);
        assertThat(emulator.requests().count()).isEqualTo(2);
    }

    @Test
    void withoutReadAheadTheNextPageWaitsForTheRoute() throws Exception {
        addJobs(30, "Running");
        List<Integer> requestsSeenByFirstJob = new java.util.concurrent.CopyOnWriteArrayList<>();
        MockEndpoint mock = getMockEndpoint("mock:jobs");
        mock.expectedMessageCount(30);
        context.addRoutes(new org.apache.camel.builder.RouteBuilder() {
            @Override
            public void configure() {
                from(jobsUri("size=10&delay=60000&readAhead=false")).routeId("jobs")
                        .process(e -> {
                            if (requestsSeenByFirstJob.isEmpty()) {
                                requestsSeenByFirstJob.add(emulator.requests().count());
                            }
                        })
                        .to("mock:jobs");
            }
        });

        mock.assertIsSatisfied();
        assertThat(requestsSeenByFirstJob).containsExactly(1);
        assertThat(emulator.requests().count()).isEqualTo(3);
    }

    @Test
    void aFailureOfThePageReadAheadFailsThePollAndNothingOfThatPageIsEmitted() throws Exception {
        addJobs(20, "Running");
        // first page fine, the page read ahead is refused: the poll fails after emitting the first page only
        emulator.faults().enqueue(io.github.tencentci.emulator.Fault.delay(Duration.ZERO),
                io.github.tencentci.emulator.Fault.error(500, "InternalError", "read-ahead page refused"));
        List<List<String>> receivedWhenTheErrorFired = new java.util.concurrent.CopyOnWriteArrayList<>();
        context.addRoutes(new org.apache.camel.builder.RouteBuilder() {
            @Override
            public void configure() {
                onException(Exception.class).handled(true)
                        .process(e -> receivedWhenTheErrorFired.add(receivedJobIds()))
                        .to("mock:errors");
                from(jobsUri("size=10&bridgeErrorHandler=true")).routeId("jobs").to("mock:jobs");
            }
        });
        MockEndpoint errors = getMockEndpoint("mock:errors");
        errors.expectedMinimumMessageCount(1);
        MockEndpoint jobs = getMockEndpoint("mock:jobs");
        jobs.expectedMessageCount(20);

        errors.assertIsSatisfied();
        jobs.assertIsSatisfied();
        // when the poll failed, the first page (the ten newest) had been emitted, and nothing of the refused one
        assertThat(receivedWhenTheErrorFired.get(0)).containsExactlyElementsOf(
                java.util.stream.IntStream.iterate(19, i -> i >= 10, i -> i - 1).mapToObj(i -> String.format("j%05d", i))
                        .toList());
        assertThat(receivedJobIds()).doesNotHaveDuplicates();
        assertThat(errors.getReceivedExchanges().get(0)
                .getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class)).hasMessageContaining("read-ahead page refused");
    }
}
