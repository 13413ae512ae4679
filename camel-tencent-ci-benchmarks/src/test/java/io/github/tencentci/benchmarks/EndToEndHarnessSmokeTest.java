package io.github.tencentci.benchmarks;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Runs the harness once on a tiny listing so that the build proves every contender still reads every job (the
 * harness fails a contender that reads a different count). Figures from a run this small mean nothing.
 */
class EndToEndHarnessSmokeTest {

    @Test
    void everyContenderReadsEveryJobAndTheRatiosArePrinted() throws Exception {
        ByteArrayOutputStream text = new ByteArrayOutputStream();
        EndToEndHarness.HarnessOptions options = EndToEndHarness.HarnessOptions.parse(
                "--jobs", "1000", "--rounds", "1", "--warmup", "0", "--idle-polls", "5", "--lifecycle", "2",
                "--no-repository-footprint", "--contenders", "raw,raw-woodstox,floor,component,route,sdk");

        Map<String, EndToEndHarness.Measurement> results
                = new EndToEndHarness(options, new PrintStream(text, true, StandardCharsets.UTF_8)).run();

        assertThat(results).containsOnlyKeys("raw", "raw-woodstox", "floor", "component", "route", "sdk");
        // the raw limit stays on the JDK's parser although the component brings Woodstox onto the class path
        assertThat(results.get("raw").name()).isEqualTo("raw limit (HttpClient 5 + StAX)");
        assertThat(results.get("raw-woodstox").name()).isEqualTo("raw limit (HttpClient 5 + Woodstox)");
        // jobs() is what each contender counted, the harness's own check aside
        assertThat(results.values()).allSatisfy(m -> {
            assertThat(m.jobs()).isEqualTo(1000);
            assertThat(m.medianNanos()).isPositive();
        });
        assertThat(text.toString(StandardCharsets.UTF_8))
                .contains("component / raw limit", "component / raw limit on Woodstox", "component / hand-written route")
                .contains("component / official SDK", "against the raw limit on Woodstox of the same round")
                .contains("(in-process, pre-rendered pages)", "client CPU per job / raw limit")
                .contains("Steady-state poll", "1.00 requests per poll")
                .contains("startRoute to first request", "stopRoute (idle)");
        if (JitCpu.isMeasured()) {
            assertThat(JitCpu.nanos()).as("the JIT compiler's CPU time so far").isPositive();
            assertThat(text.toString(StandardCharsets.UTF_8)).contains("... without JIT compilation", "without JIT ");
        }
    }

    @Test
    void badOptionsNameTheOptionAndWhatIsAllowed() {
        assertThatThrownBy(() -> EndToEndHarness.HarnessOptions.parse("--contenders", "raw,camel"))
                .hasMessageContaining("--contenders 'camel'").hasMessageContaining("[raw, raw-woodstox, floor, component, route, sdk]");
        assertThatThrownBy(() -> EndToEndHarness.HarnessOptions.parse("--jobs", "0"))
                .hasMessageContaining("--jobs '0' is invalid: an integer from 1 to 10000000 is allowed");
        assertThatThrownBy(() -> EndToEndHarness.HarnessOptions.parse("--emulator", "http://127.0.0.1:8080"))
                .hasMessageContaining("--emulator needs --secret-id and --secret-key");
        assertThatThrownBy(() -> EndToEndHarness.HarnessOptions.parse("--server", "wiremock"))
                .hasMessageContaining("--server 'wiremock' is not allowed: use prerendered or emulator");
    }
}
