package io.github.tencentci.emulator;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.Test;

import static io.github.tencentci.emulator.CiClient.SECRET_ID;
import static io.github.tencentci.emulator.CiClient.SECRET_KEY;
import static io.github.tencentci.emulator.CiClient.params;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TakeRequestTest {

    @Test
    void takesEachRequestOnceInArrivalOrderWhateverTheLogShows() {
        try (CiEmulator emulator = CiEmulator.builder().credentials(SECRET_ID, SECRET_KEY).start()) {
            CiClient client = new CiClient(emulator);
            client.list(params("size", "1"));
            client.list(params("size", "2"));

            assertThat(emulator.takeRequest().params()).containsEntry("size", "1");
            assertThat(emulator.requests().count()).as("taking leaves the log as it is").isEqualTo(2);
            client.list(params("size", "3"));
            assertThat(emulator.takeRequest().params()).containsEntry("size", "2");
            assertThat(emulator.takeRequest(Duration.ofSeconds(1)).params()).containsEntry("size", "3");
            assertThat(emulator.requests().all()).hasSize(3);
        }
    }

    @Test
    void waitsForARequestThatArrivesLater() {
        try (CiEmulator emulator = CiEmulator.builder().credentials(SECRET_ID, SECRET_KEY).start()) {
            CompletableFuture<RecordedRequest> taken = CompletableFuture.supplyAsync(emulator::takeRequest);
            assertThat(taken).isNotDone();
            new CiClient(emulator).list(params("size", "7"));
            assertThat(taken.join().params()).containsEntry("size", "7");
        }
    }

    @Test
    void failsWithTheTimeAndTheCountsWhenNothingArrives() {
        try (CiEmulator emulator = CiEmulator.builder().credentials(SECRET_ID, SECRET_KEY).start()) {
            new CiClient(emulator).list(params());
            emulator.takeRequest();

            assertThatThrownBy(() -> emulator.takeRequest(Duration.ofMillis(200)))
                    .isInstanceOf(AssertionError.class)
                    .hasMessage("no request arrived at the CI emulator within 200 ms: 1 taken before, 1 received in all");
        }
    }

    @Test
    void clearForgetsRequestsNotTakenYet() {
        try (CiEmulator emulator = CiEmulator.builder().credentials(SECRET_ID, SECRET_KEY).start()) {
            CiClient client = new CiClient(emulator);
            client.list(params("size", "1"));
            emulator.requests().clear();
            client.list(params("size", "2"));
            assertThat(emulator.takeRequest().params()).containsEntry("size", "2");
        }
    }
}
