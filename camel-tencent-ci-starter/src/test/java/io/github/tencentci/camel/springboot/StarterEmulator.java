package io.github.tencentci.camel.springboot;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import io.github.tencentci.emulator.CiEmulator;
import io.github.tencentci.emulator.EmulatedJob;
import org.springframework.test.context.DynamicPropertyRegistry;

/** The emulator the starter tests poll, with four jobs, and the properties that point the component at it. */
final class StarterEmulator {

    static final String SECRET_ID = "AKIDstarterTestSecretId0000000000";
    static final String SECRET_KEY = "starterTestSecretKey000000000000";
    static final String FAILED_1 = "s0f0000000000000000000000000000a1";
    static final String FAILED_2 = "s0f0000000000000000000000000000a2";
    static final String SUCCEEDED = "s0e0000000000000000000000000000b1";
    static final String RUNNING = "s0e0000000000000000000000000000b2";

    private StarterEmulator() {
    }

    static CiEmulator start() {
        CiEmulator emulator = CiEmulator.builder().port(0).credentials(SECRET_ID, SECRET_KEY).start();
        OffsetDateTime created = OffsetDateTime.of(2025, 3, 1, 9, 30, 0, 0, ZoneOffset.ofHours(8));
        emulator.jobs().add(job(FAILED_1, "Failed", created));
        emulator.jobs().add(job(FAILED_2, "Failed", created.plusMinutes(1)));
        emulator.jobs().add(job(SUCCEEDED, "Success", created.plusMinutes(2)));
        emulator.jobs().add(job(RUNNING, "Running", created.plusMinutes(3)));
        return emulator;
    }

    /** Where the service is: endpoint only (bucket and region then only name the bucket); no credentials. */
    static void registerLocation(DynamicPropertyRegistry registry, CiEmulator emulator) {
        registry.add("camel.component.tencent-ci.bucket", () -> "examplebucket-1250000000");
        registry.add("camel.component.tencent-ci.region", () -> "ap-chongqing");
        registry.add("camel.component.tencent-ci.endpoint", emulator::baseUrl);
    }

    private static EmulatedJob job(String jobId, String state, OffsetDateTime created) {
        EmulatedJob.Builder job = EmulatedJob.builder().jobId(jobId).name("job " + jobId.substring(30)).state(state)
                .type(EmulatedJob.TYPE_JOB).creationTime(created);
        if ("Failed".equals(state)) {
            job.code("InvalidInput").message("the input object does not exist");
        }
        return job.build();
    }
}
