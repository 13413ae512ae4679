package io.github.tencentci.examples;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Reads and checks the folder the failed-jobs-to-file routes write to: one {@code <JobId>.json} per failed job. */
final class FailedJobFiles {

    private static final ObjectMapper JSON = new ObjectMapper();

    private FailedJobFiles() {
    }

    /** The JSON documents in {@code dir} by file name without {@code .json}; empty when the folder is missing. */
    static Map<String, JsonNode> read(Path dir) {
        Map<String, JsonNode> documents = new TreeMap<>();
        if (!Files.isDirectory(dir)) {
            return documents;
        }
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".json")).toList()) {
                String name = file.getFileName().toString();
                documents.put(name.substring(0, name.length() - ".json".length()), JSON.readTree(file.toFile()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return documents;
    }

    /**
     * Waits until {@code dir} holds exactly the test's failed jobs, checks their JSON, then checks that no other job
     * is written during a few more polls.
     */
    static void assertHoldsExactlyTheFailedTestJobs(Path dir) {
        // the JSON is checked inside the wait: the file component writes in place, so a file may be seen before
        // its content is complete
        await().atMost(Duration.ofSeconds(20)).ignoreExceptionsInstanceOf(UncheckedIOException.class).untilAsserted(() -> {
            Map<String, JsonNode> documents = read(dir);
            assertThat(documents).containsOnlyKeys(TestJobs.FAILED);
            documents.forEach(FailedJobFiles::assertFailedJobJson);
        });
        await().during(Duration.ofMillis(10 * Long.parseLong(TestJobs.POLL_DELAY_MS)))
                .atMost(Duration.ofSeconds(5))
                .untilAsserted(() -> assertThat(read(dir)).containsOnlyKeys(TestJobs.FAILED));
    }

    /** The JSON the routes make of a {@code JobsDetail} of one of the test's failed jobs. */
    static void assertFailedJobJson(String jobId, JsonNode json) {
        assertThat(json.path("jobId").asText()).isEqualTo(jobId);
        assertThat(json.path("state").asText()).isEqualTo("Failed");
        assertThat(json.path("name").asText()).isEqualTo(TestJobs.nameOf(jobId));
        assertThat(json.path("code").asText()).isEqualTo(TestJobs.FAILURES.get(jobId).get(0));
        assertThat(json.path("message").asText()).isEqualTo(TestJobs.FAILURES.get(jobId).get(1));
    }
}
