package io.github.tencentci.examples;

import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Properties;

import io.github.tencentci.emulator.EmulatedJob;
import io.github.tencentci.emulator.RecordedRequest;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Runs the files under {@code src/main/jbang/}, the ones the docs tell JBang users to {@code camel run}, with their
 * placeholders pointing at the emulator: each route must carry its whole connection itself, as JBang gives it
 * nothing else.
 */
class JBangRouteTest {

    private static final Path ROUTE = Path.of("src/main/jbang/failed-jobs.camel.yaml");
    private static final Path KAMELET_ROUTE = Path.of("src/main/jbang/failed-jobs-kamelet.camel.yaml");
    private static final Path CANCEL_ROUTE = Path.of("src/main/jbang/cancel-workflow-jobs-kamelet.camel.yaml");

    @RegisterExtension
    final TestJobsEmulator ci = new TestJobsEmulator();

    @TempDir
    Path failedJobsDir;

    @Test
    void jbangRouteForwardsOnlyFailedJobs() throws Exception {
        runAndExpectOnlyFailedJobs(ROUTE, "failed-jobs");
    }

    /** The same through the component's tencent-ci-jobs-source kamelet, which emits JSON itself. */
    @Test
    void jbangKameletRouteForwardsOnlyFailedJobs() throws Exception {
        runAndExpectOnlyFailedJobs(KAMELET_ROUTE, "failed-jobs-kamelet");
    }

    /**
     * The kill switch through both kamelets: every job of the workflow that can still be cancelled is cancelled; its
     * finished jobs and the jobs of other workflows (and of none: the Running {@link TestJobs}) are left alone.
     */
    @Test
    void jbangCancelRouteCancelsEveryOpenJobOfTheWorkflowAndNothingElse() throws Exception {
        OffsetDateTime created = OffsetDateTime.of(2025, 3, 2, 9, 0, 0, 0, ZoneOffset.ofHours(8));
        Map<String, String> workflowJobs = Map.of("bc0000000000000000000000000000001", "Submitted",
                "bc0000000000000000000000000000002", "Running", "bc0000000000000000000000000000003", "Pause");
        workflowJobs.forEach((jobId, state) -> ci.emulator().jobs().add(EmulatedJob.builder().jobId(jobId)
                .name("runaway " + state).type("Workflow").workflowIds("w1").state(state).creationTime(created).build()));
        ci.emulator().jobs().addAll(
                EmulatedJob.builder().jobId("bc0000000000000000000000000000004").name("runaway done").type("Workflow")
                        .workflowIds("w1").state("Success").creationTime(created).build(),
                EmulatedJob.builder().jobId("bc0000000000000000000000000000005").name("healthy").type("Workflow")
                        .workflowIds("w2").state("Running").creationTime(created).build());
        Properties properties = placeholders(CANCEL_ROUTE);
        properties.setProperty("tencentci.cancel.workflow-id", "w1");

        try (RunningCamel camel = RunningCamel.start(properties)) {
            assertThat(camel.context().getRoute("cancel-workflow-jobs")).isNotNull();
            await().atMost(Duration.ofSeconds(20)).until(() -> workflowJobs.keySet().stream()
                    .allMatch(jobId -> "Cancel".equals(state(jobId))));
            // one more listing after the last cancel, so a job wrongly emitted would have been cancelled by now
            int requestsSoFar = ci.emulator().requests().count();
            await().atMost(Duration.ofSeconds(10)).until(() -> ci.emulator().requests().all().stream()
                    .skip(requestsSoFar).anyMatch(r -> r.method().equals("GET") && r.params().containsKey("workflowId")));
        }
        assertThat(state("bc0000000000000000000000000000004")).isEqualTo("Success");
        assertThat(state("bc0000000000000000000000000000005")).isEqualTo("Running");
        TestJobs.FAILED.forEach(jobId -> assertThat(state(jobId)).isEqualTo("Running"));
        TestJobs.NOT_FAILED.forEach(jobId -> assertThat(state(jobId)).isEqualTo("Running"));
        assertThat(ci.emulator().requests().all()).filteredOn(r -> r.method().equals("PUT"))
                .extracting(RecordedRequest::toString).containsExactlyInAnyOrder(
                        "PUT /inventorytriggerjob/bc0000000000000000000000000000001?cancel -> 200",
                        "PUT /inventorytriggerjob/bc0000000000000000000000000000002?cancel -> 200",
                        "PUT /inventorytriggerjob/bc0000000000000000000000000000003?cancel -> 200");
    }

    private String state(String jobId) {
        return ci.emulator().jobs().get(jobId).orElseThrow().state();
    }

    private void runAndExpectOnlyFailedJobs(Path route, String routeId) throws Exception {
        Properties properties = placeholders(route);
        properties.setProperty("failedjobs.dir", failedJobsDir.toString());

        try (RunningCamel camel = RunningCamel.start(properties)) {
            assertThat(camel.context().getRoute(routeId)).isNotNull();
            TestJobs.finish(ci.emulator());

            FailedJobFiles.assertHoldsExactlyTheFailedTestJobs(failedJobsDir);
        }
    }

    /** Exactly the connection placeholders the files document, pointing at the emulator; no component configuration. */
    private Properties placeholders(Path route) {
        assertThat(route).exists();
        Properties properties = new Properties();
        properties.setProperty("tencentci.bucket", "examplebucket-1250000000");
        properties.setProperty("tencentci.region", "ap-chongqing");
        properties.setProperty("tencentci.endpoint", ci.emulator().baseUrl());
        properties.setProperty("tencentcloud.secret-id", DemoEmulator.SECRET_ID);
        properties.setProperty("tencentcloud.secret-key", DemoEmulator.SECRET_KEY);
        properties.setProperty("tencentci.poll.delay", TestJobs.POLL_DELAY_MS);
        properties.setProperty("camel.main.routesIncludePattern", "file:" + route.toAbsolutePath());
        return properties;
    }
}
