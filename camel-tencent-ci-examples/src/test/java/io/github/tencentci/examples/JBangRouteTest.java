package io.github.tencentci.examples;

import java.nio.file.Path;
import java.util.Properties;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs {@code src/main/jbang/failed-jobs.camel.yaml}, the file the docs tell JBang users to {@code camel run}, with
 * its placeholders pointing at the emulator: the route must carry its whole connection itself, as JBang gives it
 * nothing else.
 */
class JBangRouteTest {

    private static final Path ROUTE = Path.of("src/main/jbang/failed-jobs.camel.yaml");
    private static final Path KAMELET_ROUTE = Path.of("src/main/jbang/failed-jobs-kamelet.camel.yaml");

    @RegisterExtension
    final TestJobsEmulator ci = new TestJobsEmulator();

    @TempDir
    Path failedJobsDir;

    @Test
    void jbangRouteForwardsOnlyFailedJobs() throws Exception {
        runAndExpectOnlyFailedJobs(ROUTE, "failed-jobs");
    }

    /** The same through the component's tencent-ci-jobs-source kamelet, which emits JSON itself. */
    @Test
    void jbangKameletRouteForwardsOnlyFailedJobs() throws Exception {
        runAndExpectOnlyFailedJobs(KAMELET_ROUTE, "failed-jobs-kamelet");
    }

    private void runAndExpectOnlyFailedJobs(Path route, String routeId) throws Exception {
        assertThat(route).exists();
        // exactly the placeholders the file documents; no component configuration
        Properties properties = new Properties();
        properties.setProperty("tencentci.bucket", "examplebucket-1250000000");
        properties.setProperty("tencentci.region", "ap-chongqing");
        properties.setProperty("tencentci.endpoint", ci.emulator().baseUrl());
        properties.setProperty("tencentcloud.secret-id", DemoEmulator.SECRET_ID);
        properties.setProperty("tencentcloud.secret-key", DemoEmulator.SECRET_KEY);
        properties.setProperty("tencentci.poll.delay", TestJobs.POLL_DELAY_MS);
        properties.setProperty("failedjobs.dir", failedJobsDir.toString());
        properties.setProperty("camel.main.routesIncludePattern", "file:" + route.toAbsolutePath());

        try (RunningCamel camel = RunningCamel.start(properties)) {
            assertThat(camel.context().getRoute(routeId)).isNotNull();
            TestJobs.finish(ci.emulator());

            FailedJobFiles.assertHoldsExactlyTheFailedTestJobs(failedJobsDir);
        }
    }
}
