package io.github.tencentci.examples;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Properties;

import io.github.tencentci.emulator.CiEmulator;
import io.github.tencentci.emulator.EmulatedJob;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Runs {@link CancelStuckJobsRoute} end to end against the emulator. */
class CancelStuckJobsRouteTest {

    @RegisterExtension
    final TestJobsEmulator ci = new TestJobsEmulator();

    @Test
    void cancelsOnlyJobsRunningLongerThanTheLimit() throws Exception {
        CiEmulator emulator = ci.emulator();
        emulator.jobs().clear();
        OffsetDateTime now = OffsetDateTime.now(emulator.clock()).withNano(0);
        emulator.jobs().addAll(
                running("bstuck1", now.minusHours(3)), running("bstuck2", now.minusMinutes(61)),
                running("bfresh", now.minusMinutes(59)),
                EmulatedJob.builder().jobId("bwaiting").name("waiting").state("Submitted").creationTime(now.minusHours(5)).build(),
                EmulatedJob.builder().jobId("bdone").name("done").state("Success").creationTime(now.minusHours(5))
                        .startTime(now.minusHours(5)).endTime(now.minusHours(4)).build());
        Properties properties = TestJobs.connectionTo(emulator);
        properties.setProperty("tencentci.stuck.max-running", "1h");
        properties.setProperty("tencentci.stuck.check-period", "100");

        try (RunningCamel camel = RunningCamel.start(properties, new CancelStuckJobsRoute(emulator.clock()))) {
            await().atMost(Duration.ofSeconds(10)).until(() -> state("bstuck1").equals("Cancel") && state("bstuck2").equals("Cancel"));
            int requestsBefore = emulator.requests().count();
            await().atMost(Duration.ofSeconds(10)).until(() -> emulator.requests().count() > requestsBefore + 3);
        }
        assertThat(state("bfresh")).isEqualTo("Running");
        assertThat(state("bwaiting")).isEqualTo("Submitted");
        assertThat(state("bdone")).isEqualTo("Success");
        assertThat(emulator.requests().all()).filteredOn(request -> request.method().equals("PUT"))
                .extracting(request -> request.path()).containsExactlyInAnyOrder(
                        "/inventorytriggerjob/bstuck1", "/inventorytriggerjob/bstuck2");
        assertThat(emulator.requests().all()).filteredOn(request -> request.method().equals("GET"))
                .allSatisfy(request -> assertThat(request.params()).containsEntry("states", "Running")
                        .containsEntry("orderByTime", "Asc"));
    }

    private EmulatedJob running(String jobId, OffsetDateTime started) {
        return EmulatedJob.builder().jobId(jobId).name("job " + jobId).state("Running")
                .creationTime(started.minusSeconds(30)).startTime(started).build();
    }

    private String state(String jobId) {
        return ci.emulator().jobs().get(jobId).orElseThrow().state();
    }
}
