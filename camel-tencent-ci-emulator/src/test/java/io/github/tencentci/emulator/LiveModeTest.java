package io.github.tencentci.emulator;

import java.time.Duration;
import java.time.OffsetDateTime;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

class LiveModeTest {

    @Test
    void movesJobsThroughTheirStatesAndSubmitsNewOnes() {
        try (CiEmulator emulator = CiEmulator.builder().verifySignatures(false).start()) {
            for (int i = 0; i < 10; i++) {
                emulator.jobs().add(EmulatedJob.builder().jobId("b" + i).creationTime(OffsetDateTime.now()).build());
            }
            emulator.startLiveMode(new LiveMode(Duration.ofMillis(10), 0.5, 0.5, 0.3, 5));

            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
                for (int i = 0; i < 10; i++) {
                    assertThat(emulator.jobs().get("b" + i).orElseThrow().state()).isIn("Success", "Failed");
                }
                assertThat(emulator.jobs().size()).isGreaterThan(10);
            });
            assertThat(emulator.jobs().all()).filteredOn(job -> job.jobId().length() == 2)
                    .extracting(EmulatedJob::state).contains("Success", "Failed");
            assertThat(emulator.jobs().all()).filteredOn(job -> job.state().equals("Success"))
                    .allSatisfy(job -> assertThat(job.endTime()).isNotNull());

            emulator.stopLiveMode();
            int size = emulator.jobs().size();
            EmulatedJob probe = emulator.jobs().add(EmulatedJob.builder().jobId("after-stop").creationTime(OffsetDateTime.now()).build());
            await().during(Duration.ofMillis(200)).atMost(Duration.ofSeconds(1))
                    .until(() -> emulator.jobs().get("after-stop").orElseThrow().equals(probe) && emulator.jobs().size() == size + 1);
        }
    }

    @Test
    void refusesNonsense() {
        assertThatThrownBy(() -> new LiveMode(Duration.ofSeconds(1), 0.5, 1.5, 0.2, 1)).hasMessageContaining("failureRatio");
        assertThatThrownBy(() -> new LiveMode(Duration.ZERO, 0.5, 0.1, 0.2, 1)).hasMessageContaining("stepInterval");
    }
}
