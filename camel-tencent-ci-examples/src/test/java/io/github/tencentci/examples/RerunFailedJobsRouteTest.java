package io.github.tencentci.examples;

import java.time.Duration;
import java.util.List;
import java.util.Properties;

import io.github.tencentci.emulator.CiEmulator;
import io.github.tencentci.emulator.EmulatedJob;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Runs the re-run example end to end against the emulator, as Java DSL ({@link RerunFailedJobsRoute}) and as the
 * user's YAML file: each failed job is triggered again once under its name plus the suffix, and a re-run that fails
 * too is not triggered again.
 */
class RerunFailedJobsRouteTest {

    private static final String JAVA = "java";
    private static final String YAML = "classpath:routes/rerun-failed-jobs.camel.yaml";

    @RegisterExtension
    final TestJobsEmulator ci = new TestJobsEmulator();

    private RunningCamel start(String variant) throws Exception {
        Properties properties = TestJobs.connectionTo(ci.emulator());
        if (JAVA.equals(variant)) {
            return RunningCamel.start(properties, new RerunFailedJobsRoute());
        }
        properties.setProperty("camel.main.routesIncludePattern", variant);
        return RunningCamel.start(properties);
    }

    @ParameterizedTest
    @ValueSource(strings = { JAVA, YAML })
    void reRunsEachFailedJobOnceAndNeverARerunThatFailedAgain(String variant) throws Exception {
        CiEmulator emulator = ci.emulator();
        try (RunningCamel camel = start(variant)) {
            assertThat(camel.context().getRoute("rerun-failed-jobs")).isNotNull();
            TestJobs.finish(emulator);

            await().atMost(Duration.ofSeconds(20)).until(() -> reruns(emulator).size() == TestJobs.FAILED.size());
            List<EmulatedJob> reruns = reruns(emulator);
            assertThat(reruns).extracting(EmulatedJob::name).containsExactlyInAnyOrderElementsOf(
                    TestJobs.FAILED.stream().map(jobId -> TestJobs.nameOf(jobId) + "-rerun").toList());
            assertThat(reruns).extracting(EmulatedJob::state).containsOnly("Submitted");
            assertThat(reruns).extracting(EmulatedJob::jobId).doesNotContainAnyElementsOf(TestJobs.FAILED);
            assertThat(emulator.requests().all()).filteredOn(request -> request.method().equals("POST"))
                    .hasSize(TestJobs.FAILED.size()).allSatisfy(request -> assertThat(request.status()).isEqualTo(200));

            // the re-runs fail too: they are seen (Failed is polled) but not triggered again
            reruns.forEach(rerun -> emulator.jobs().setState(rerun.jobId(), "Failed"));
            int requestsBefore = emulator.requests().count();
            await().atMost(Duration.ofSeconds(10)).until(() -> emulator.requests().count() > requestsBefore + 5);
            assertThat(reruns(emulator)).hasSize(TestJobs.FAILED.size()).extracting(EmulatedJob::state).containsOnly("Failed");
            assertThat(emulator.requests().all()).filteredOn(request -> request.method().equals("POST"))
                    .hasSize(TestJobs.FAILED.size());
        }
        assertThat(emulator.jobs().size()).isEqualTo(TestJobs.FAILED.size() + TestJobs.NOT_FAILED.size() + TestJobs.FAILED.size());
    }

    @ParameterizedTest
    @ValueSource(strings = { JAVA, YAML })
    void aRerunTheServiceRefusesIsDroppedNotRetriedAtEveryPoll(String variant) throws Exception {
        CiEmulator emulator = ci.emulator();
        // a workflow job without WorkflowIds: the emulator refuses to trigger it (400 InvalidArgument)
        emulator.jobs().add(EmulatedJob.builder().jobId("bbroken").name("broken").type("Workflow").state("Failed")
                .creationTime(java.time.OffsetDateTime.now()).inputPrefix("in/").build());
        try (RunningCamel camel = start(variant)) {
            await().atMost(Duration.ofSeconds(10)).until(() -> emulator.requests().all().stream()
                    .anyMatch(request -> request.method().equals("POST") && request.status() == 400));
            int requestsBefore = emulator.requests().count();
            await().atMost(Duration.ofSeconds(10)).until(() -> emulator.requests().count() > requestsBefore + 5);
        }
        assertThat(emulator.requests().all()).filteredOn(request -> request.method().equals("POST")).hasSize(1);
    }

    private static List<EmulatedJob> reruns(CiEmulator emulator) {
        return emulator.jobs().all().stream().filter(job -> job.name() != null && job.name().endsWith("-rerun")).toList();
    }
}
