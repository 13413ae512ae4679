package io.github.tencentci.emulator;

import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The command docs/emulator.md gives, {@code java -jar camel-tencent-ci-emulator-VERSION-cli.jar --port ... --jobs ...},
 * run against the packaged jar (failsafe, after {@code package}): it starts, says where it listens, serves the
 * listing, and logs through its own SLF4J provider instead of warning that there is none.
 */
class CiEmulatorCommandLineIT {

    @Test
    void theExecutableJarServesTheListingAndLogs(@TempDir Path dir) throws Exception {
        Path mainJar = Path.of(CiEmulator.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        assertThat(mainJar.toString()).as("failsafe runs against the packaged jar").endsWith(".jar");
        Path jar = mainJar.resolveSibling(mainJar.getFileName().toString().replaceFirst("\\.jar$", "-cli.jar"));
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        File log = dir.resolve("stderr.log").toFile();
        Process emulator = new ProcessBuilder(java, "-jar", jar.toString(), "--port", "0", "--jobs", "3",
                "--secret-id", "AKIDcommandline000000000000000000000", "--secret-key", "commandLineKey")
                .redirectError(log).start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(emulator.getInputStream(), StandardCharsets.UTF_8))) {
            String first = out.readLine();
            assertThat(first).as("first line").startsWith("Tencent CI emulator: http://127.0.0.1:").endsWith("/inventorytriggerjob");
            assertThat(out.readLine()).isEqualTo("secretId:  AKIDcommandline000000000000000000000");
            assertThat(out.readLine()).isEqualTo("secretKey: commandLineKey");
            assertThat(out.readLine()).startsWith("3 jobs");

            // an unsigned request is refused the way the service refuses it
            HttpResponse<String> response = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create(first.substring("Tencent CI emulator: ".length()))).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).isEqualTo(401);
            assertThat(response.body()).contains("<Code>MissingAuthorization</Code>");
        } finally {
            emulator.destroy();
            assertThat(emulator.waitFor(10, TimeUnit.SECONDS)).as("stopped by SIGTERM").isTrue();
        }
        String stderr = Files.readString(log.toPath(), StandardCharsets.UTF_8);
        assertThat(stderr).contains("Tencent CI emulator listening on http://127.0.0.1:")
                .contains("stopped").doesNotContain("No SLF4J providers");
    }
}
