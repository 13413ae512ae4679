package io.github.tencentci.emulator;

import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static io.github.tencentci.emulator.CiClient.element;
import static io.github.tencentci.emulator.CiClient.params;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class JobStoreTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2030-01-01T00:00:00Z"), ZoneOffset.UTC);
    private static final OffsetDateTime CREATED = OffsetDateTime.parse("2029-12-31T20:00:00+08:00");

    private final JobStore store = new JobStore(CLOCK);

    @Test
    void setStateSetsTimesAndCodesSensibly() {
        store.add(EmulatedJob.builder().jobId("b1").creationTime(CREATED).build());

        EmulatedJob running = store.setState("b1", "Running");
        EmulatedJob failed = store.setState("b1", "Failed");
        EmulatedJob resubmitted = store.setState("b1", "Submitted");
        EmulatedJob succeeded = store.setState("b1", "Success");

        // as the product page's first job: Running, StartTime "-" until it starts
        assertThat(running.startTime()).isNull();
        assertThat(running.endTime()).isNull();
        assertThat(failed.startTime()).isEqualTo(OffsetDateTime.parse("2030-01-01T08:00:00+08:00"));
        assertThat(failed.endTime()).isEqualTo(failed.startTime());
        assertThat(failed.code()).isEqualTo("InternalError");
        assertThat(failed.message()).isNotEmpty();
        assertThat(resubmitted.startTime()).isNull();
        assertThat(resubmitted.endTime()).isNull();
        assertThat(succeeded.code()).isEqualTo("Success");
        assertThat(succeeded.message()).isEmpty();
        assertThat(store.get("b1")).contains(succeeded);
    }

    @Test
    void runningKeepsTheTimesAJobAlreadyHas() {
        OffsetDateTime started = CREATED.plusMinutes(1);
        OffsetDateTime ended = CREATED.plusMinutes(2);
        store.add(EmulatedJob.builder().jobId("b1").creationTime(CREATED).state("Running").startTime(started)
                .endTime(ended).build());

        EmulatedJob running = store.setState("b1", "Running");
        EmulatedJob cancelled = store.setState("b1", "Cancel");

        assertThat(running.startTime()).isEqualTo(started);
        assertThat(running.endTime()).as("the product page's second job: Running with an EndTime").isEqualTo(ended);
        assertThat(cancelled.startTime()).isEqualTo(started);
        assertThat(cancelled.endTime()).isEqualTo(OffsetDateTime.parse("2030-01-01T08:00:00+08:00"));
    }

    @Test
    void failedKeepsAFailureCodeAlreadySet() {
        store.add(EmulatedJob.builder().jobId("b1").creationTime(CREATED).code("ResourceNotFound").message("no input").build());

        assertThat(store.setState("b1", "Failed").code()).isEqualTo("ResourceNotFound");
    }

    @Test
    void refusesUnknownStatesAndJobs() {
        store.add(EmulatedJob.builder().jobId("b1").creationTime(CREATED).build());

        assertThatThrownBy(() -> store.setState("b1", "Done")).hasMessageContaining("state 'Done'");
        assertThatThrownBy(() -> store.setState("nope", "Running")).hasMessageContaining("'nope'");
    }

    @Test
    void addReplacesRemoveAndClearForget() {
        store.addAll(EmulatedJob.builder().jobId("b1").creationTime(CREATED).build(),
                EmulatedJob.builder().jobId("b2").creationTime(CREATED.plusHours(1)).build());
        store.add(EmulatedJob.builder().jobId("b1").name("again").creationTime(CREATED).build());

        assertThat(store.size()).isEqualTo(2);
        assertThat(store.all()).extracting(EmulatedJob::jobId).containsExactly("b2", "b1");
        assertThat(store.get("b1").orElseThrow().name()).isEqualTo("again");
        assertThat(store.remove("b1")).isTrue();
        assertThat(store.remove("b1")).isFalse();
        store.clear();
        assertThat(store.size()).isZero();
    }

    @Test
    void seedIsDeterministicAndVaried() {
        List<EmulatedJob> seeded = store.seed(300, 42L);
        List<EmulatedJob> again = new JobStore(CLOCK).seed(300, 42L);

        assertThat(seeded).isEqualTo(again);
        assertThat(seeded).extracting(EmulatedJob::state).containsAll(EmulatedJob.STATES);
        assertThat(seeded).extracting(EmulatedJob::type).containsAll(EmulatedJob.TYPES);
        assertThat(seeded).allSatisfy(job -> {
            assertThat(job.jobId()).matches("b[0-9a-f]{32}");
            assertThat(job.creationTime().toInstant()).isBetween(CLOCK.instant().minus(Duration.ofDays(30)), CLOCK.instant());
            boolean started = job.startTime() != null;
            if (!job.state().equals("Running")) {
                assertThat(started).isEqualTo(Set.of("Success", "Failed").contains(job.state()));
            }
            assertThat(job.code().equals("Success")).isEqualTo(!job.state().equals("Failed"));
            if (job.state().equals("Failed")) {
                assertThat(job.code()).isIn("ResourceNotFound", "InvalidArgument", "ResourceAccessDenied", "InternalError");
            }
        });
        // both Running shapes of the product page: StartTime "-", and started with an EndTime already
        assertThat(seeded).filteredOn(job -> job.state().equals("Running")).extracting(EmulatedJob::startTime)
                .containsNull().anyMatch(java.util.Objects::nonNull);
        assertThat(seeded).filteredOn(job -> job.state().equals("Running")).extracting(EmulatedJob::endTime)
                .anyMatch(java.util.Objects::nonNull);
        assertThat(store.size()).isEqualTo(300);
    }

    @Test
    void walksOneHundredThousandJobsQuickly() {
        try (CiEmulator emulator = CiEmulator.builder().verifySignatures(false).start()) {
            emulator.jobs().seed(100_000, 9L);
            CiClient client = new CiClient(emulator);
            Set<String> seen = new HashSet<>();
            long start = System.nanoTime();
            String token = "";
            int pages = 0;
            do {
                HttpResponse<String> page = client.get("/inventorytriggerjob",
                        token.isEmpty() ? params("size", "100") : params("size", "100", "nextToken", token), null);
                seen.addAll(ListingTest.jobIds(page));
                token = element(page.body(), "NextToken");
                pages++;
            } while (!token.isEmpty());
            Duration took = Duration.ofNanos(System.nanoTime() - start);

            System.out.printf("Walked 100,000 jobs in %d pages in %d ms%n", pages, took.toMillis());
            assertThat(pages).isEqualTo(1000);
            assertThat(seen).hasSize(100_000);
            // generous: the bound catches a per-page re-sort (minutes), not a busy build machine
            assertThat(took).isLessThan(Duration.ofSeconds(60));
        }
    }
}
