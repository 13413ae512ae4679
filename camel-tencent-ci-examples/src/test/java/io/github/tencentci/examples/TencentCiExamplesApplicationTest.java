package io.github.tencentci.examples;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs the examples application the way a newcomer does: its own JVM, a clean environment, a working folder of its
 * own, and {@code CAMEL_MAIN_DURATIONMAXSECONDS} so it stops by itself.
 */
class TencentCiExamplesApplicationTest {

    private static final long RUN_SECONDS = 8;

    @TempDir
    Path workDir;

    @Test
    void demoForwardsFailedJobsOfTheEmulatorAndExitsZero() throws Exception {
        Process app = start(Map.of("CAMEL_MAIN_DURATIONMAXSECONDS", String.valueOf(RUN_SECONDS)));

        assertThat(app.waitFor(RUN_SECONDS + 30, TimeUnit.SECONDS)).as("exited by itself; log:%n%s", log()).isTrue();
        assertThat(app.exitValue()).as("exit code; log:%n%s", log()).isZero();

        Map<String, JsonNode> failed = FailedJobFiles.read(workDir.resolve("target/failed-jobs"));
        assertThat(failed).as("failed jobs written; log:%n%s", log()).isNotEmpty();
        failed.forEach((jobId, json) -> {
            assertThat(json.path("jobId").asText()).isEqualTo(jobId);
            assertThat(json.path("state").asText()).isEqualTo("Failed");
            assertThat(json.path("code").asText()).isNotBlank();
        });
        assertThat(log())
                .contains("Polling the Tencent CI emulator at http://")
                .contains("is Failed")
                .contains("Job " + failed.keySet().iterator().next() + " (")
                .doesNotContain(DemoEmulator.SECRET_KEY);
    }

    @Test
    void incompleteRealServiceSettingsNameWhatIsMissingAndExitTwo() throws Exception {
        Process app = start(Map.of(CiConnection.SECRET_ID_ENV, "AKIDonlyTheId"));

        assertThat(app.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(app.exitValue()).isEqualTo(2);
        assertThat(log()).contains("[TENCENTCLOUD_SECRET_KEY, TENCENTCI_BUCKET, TENCENTCI_REGION]");
    }

    /** Starts the application in a new JVM with only {@code env} of the Tencent and Camel settings. */
    private Process start(Map<String, String> env) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder builder = new ProcessBuilder(java, "-cp", testClassPath(),
                TencentCiExamplesApplication.class.getName())
                .directory(workDir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(workDir.resolve("app.log").toFile());
        builder.environment().keySet().removeIf(name -> name.startsWith("TENCENTCLOUD_")
                                                        || name.startsWith("TENCENTCI_")
                                                        || name.startsWith("CAMEL_")
                                                        || name.equals("FAILEDJOBS_DIR"));
        builder.environment().putAll(env);
        return builder.start();
    }

    private String log() throws IOException {
        Path log = workDir.resolve("app.log");
        return Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "";
    }

    private static String testClassPath() {
        return System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    }
}
