package io.github.tencentci.examples;

import java.nio.file.Path;
import java.util.Properties;

import io.github.tencentci.emulator.CiEmulator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs {@code src/main/jbang/failed-jobs.camel.yaml}, the file the docs tell JBang users to {@code camel run}, with
 * its placeholders pointing at the emulator: the route must carry its whole connection itself, as JBang gives it
 * nothing else.
 */
class JBangRouteTest {

    private static final Path ROUTE = Path.of("src/main/jbang/failed-jobs.camel.yaml");

    private CiEmulator emulator;

    @TempDir
    Path failedJobsDir;

    @BeforeEach
    void startEmulator() {
        emulator = TestJobs.startEmulator();
        TestJobs.addRunning(emulator);
    }

    @AfterEach
    void stopEmulator() {
        emulator.close();
    }

    @Test
    void jbangRouteForwardsOnlyFailedJobs() throws Exception {
        assertThat(ROUTE).exists();
        // exactly the placeholders the file documents; no component configuration
        Properties properties = new Properties();
        properties.setProperty("tencentci.bucket", "examplebucket-1250000000");
        properties.setProperty("tencentci.region", "ap-chongqing");
        properties.setProperty("tencentci.endpoint", emulator.baseUrl());
        properties.setProperty("tencentcloud.secret-id", DemoEmulator.SECRET_ID);
        properties.setProperty("tencentcloud.secret-key", DemoEmulator.SECRET_KEY);
        properties.setProperty("tencentci.poll.delay", TestJobs.POLL_DELAY_MS);
        properties.setProperty("failedjobs.dir", failedJobsDir.toString());
        properties.setProperty("camel.main.routesIncludePattern", "file:" + ROUTE.toAbsolutePath());

        try (RunningCamel camel = RunningCamel.start(properties)) {
            assertThat(camel.context().getRoute("failed-jobs")).isNotNull();
            TestJobs.finish(emulator);

            FailedJobFiles.assertHoldsExactlyTheFailedTestJobs(failedJobsDir);
        }
    }
}
