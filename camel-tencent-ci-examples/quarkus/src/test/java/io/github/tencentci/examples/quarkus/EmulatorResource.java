package io.github.tencentci.examples.quarkus;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import io.github.tencentci.emulator.CiEmulator;
import io.github.tencentci.emulator.EmulatedJob;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Starts an emulator holding known jobs before Quarkus starts, and configures the application for it through
 * {@code camel.component.tencent-ci.*}, as a user would configure a real bucket.
 */
public class EmulatorResource implements QuarkusTestResourceLifecycleManager {

    static final String SECRET_ID = "AKIDquarkusExampleTest00000000000";
    static final String SECRET_KEY = "quarkusExampleTestKey000000000000";
    static final List<String> FAILED = List.of("q1000000000000000000000000000000a", "q2000000000000000000000000000000b");
    static final List<String> OTHERS = List.of("q3000000000000000000000000000000c", "q4000000000000000000000000000000d");

    private CiEmulator emulator;

    @Override
    public Map<String, String> start() {
        emulator = CiEmulator.builder().port(0).credentials(SECRET_ID, SECRET_KEY).start();
        OffsetDateTime created = OffsetDateTime.of(2025, 3, 1, 9, 30, 0, 0, ZoneOffset.ofHours(8));
        emulator.jobs().add(job(FAILED.get(0), "Failed", created));
        emulator.jobs().add(job(OTHERS.get(0), "Success", created.plusMinutes(1)));
        emulator.jobs().add(job(FAILED.get(1), "Failed", created.plusMinutes(2)));
        emulator.jobs().add(job(OTHERS.get(1), "Running", created.plusMinutes(3)));
        return Map.of(
                "camel.component.tencent-ci.bucket", "examplebucket-1250000000",
                "camel.component.tencent-ci.region", "ap-chongqing",
                "camel.component.tencent-ci.endpoint", emulator.baseUrl(),
                "camel.component.tencent-ci.secret-id", SECRET_ID,
                "camel.component.tencent-ci.secret-key", SECRET_KEY,
                "failedjobs.poll-delay", "100");
    }

    @Override
    public void stop() {
        if (emulator != null) {
            emulator.close();
        }
    }

    private static EmulatedJob job(String jobId, String state, OffsetDateTime created) {
        EmulatedJob.Builder job = EmulatedJob.builder().jobId(jobId).name("transcode").state(state).creationTime(created);
        if ("Failed".equals(state)) {
            job.code("InvalidInput").message("the input object does not exist");
        }
        return job.build();
    }
}
