package io.github.tencentci.examples;

import java.nio.file.Path;
import java.util.Properties;

import io.github.tencentci.emulator.CiEmulator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs the failed-jobs-to-file route as the user's XML and YAML files under {@code src/main/resources/routes},
 * loaded by Camel Main through {@code camel.main.routesIncludePattern} as the examples application loads them.
 */
class FailedJobsToFileRoutesTest {

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

    @ParameterizedTest
    @ValueSource(strings = { "classpath:routes/failed-jobs-to-file.camel.xml",
                             "classpath:routes/failed-jobs-to-file.camel.yaml" })
    void writesOneJsonFilePerFailedJobAndNothingElse(String routeFile) throws Exception {
        Properties properties = TestJobs.connectionTo(emulator);
        properties.setProperty("camel.main.routesIncludePattern", routeFile);
        properties.setProperty("failedjobs.dir", failedJobsDir.toString());

        try (RunningCamel camel = RunningCamel.start(properties)) {
            assertThat(camel.context().getRoute("failed-jobs-to-file")).as("route loaded from " + routeFile)
                    .isNotNull();
            TestJobs.finish(emulator);

            FailedJobFiles.assertHoldsExactlyTheFailedTestJobs(failedJobsDir);
        }
    }
}
