package io.github.tencentci.examples;

import java.nio.file.Path;
import java.util.Properties;

import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs the failed-jobs-to-file route as the user's XML and YAML files under {@code src/main/resources/routes},
 * loaded by Camel Main through {@code camel.main.routesIncludePattern} as the examples application loads them.
 */
class FailedJobsToFileRoutesTest {

    @RegisterExtension
    final TestJobsEmulator ci = new TestJobsEmulator();

    @TempDir
    Path failedJobsDir;

    @ParameterizedTest
    @ValueSource(strings = { "classpath:routes/failed-jobs-to-file.camel.xml",
                             "classpath:routes/failed-jobs-to-file.camel.yaml" })
    void writesOneJsonFilePerFailedJobAndNothingElse(String routeFile) throws Exception {
        Properties properties = TestJobs.connectionTo(ci.emulator());
        properties.setProperty("camel.main.routesIncludePattern", routeFile);
        properties.setProperty("failedjobs.dir", failedJobsDir.toString());

        try (RunningCamel camel = RunningCamel.start(properties)) {
            assertThat(camel.context().getRoute("failed-jobs-to-file")).as("route loaded from " + routeFile)
                    .isNotNull();
            TestJobs.finish(ci.emulator());

            FailedJobFiles.assertHoldsExactlyTheFailedTestJobs(failedJobsDir);
        }
    }
}
