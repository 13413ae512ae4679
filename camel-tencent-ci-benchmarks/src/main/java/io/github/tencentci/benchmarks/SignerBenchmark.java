package io.github.tencentci.benchmarks;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.github.tencentci.camel.signing.CosSigner;
import io.github.tencentci.camel.signing.KeyTime;
import io.github.tencentci.camel.signing.TencentCredentials;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The cost of signing one listing request (target: at most 5 µs). {@code currentWindow} is what every poll pays:
 * the signing key of the window is reused. {@code freshWindow} derives the signing key too, as a request at the
 * start of a new window (once every half validity, 7.5 min by default) does.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class SignerBenchmark {

    private final CosSigner signer = new CosSigner();
    private final TencentCredentials credentials = new TencentCredentials(EndToEndHarness.SECRET_ID,
            EndToEndHarness.SECRET_KEY);
    private final Map<String, String> params = new LinkedHashMap<>();
    private final Map<String, String> headers = Map.of("host", "examplebucket-1250000000.ci.ap-chongqing.myqcloud.com");
    private final KeyTime keyTime = new KeyTime(1_735_617_600L, 1_735_618_500L);

    public SignerBenchmark() {
        params.put("size", "100");
        params.put("states", "Failed,Success");
        params.put("startCreationTime", "2024-12-31T12:00:00+0800");
        params.put("nextToken", "12300");
    }

    @Benchmark
    public String currentWindow() {
        return signer.authorization(credentials, "GET", "/inventorytriggerjob", params, headers);
    }

    @Benchmark
    public String freshWindow() {
        return CosSigner.authorization(credentials, keyTime, "GET", "/inventorytriggerjob", params, headers);
    }
}
