package io.github.tencentci.examples;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import io.github.tencentci.emulator.CiEmulator;
import io.github.tencentci.emulator.EmulatedJob;

/**
 * The jobs the route tests put into the emulator: some become Failed, the others reach every other state, so each
 * test can check both that failures are forwarded and that nothing else is.
 */
final class TestJobs {

    /** Polling often keeps the tests short. */
    static final String POLL_DELAY_MS = "100";

    static final String FAILED_1 = "b0f0000000000000000000000000000a1";
    static final String FAILED_2 = "b0f0000000000000000000000000000a2";
    static final List<String> FAILED = List.of(FAILED_1, FAILED_2);
    /** The Code and Message each failed job ends with. */
    static final Map<String, List<String>> FAILURES = Map.of(
            FAILED_1, List.of("InvalidInput", "the input object does not exist"),
            FAILED_2, List.of("TemplateNotExist", "template 't1a2b3' not found"));
    static final List<String> NOT_FAILED = List.of(
            "b0e0000000000000000000000000000b1", "b0e0000000000000000000000000000b2",
            "b0e0000000000000000000000000000b3", "b0e0000000000000000000000000000b4");
    private static final List<String> OTHER_STATES = List.of("Success", "Cancel", "Running", "Pause");

    private static final OffsetDateTime CREATED = OffsetDateTime.of(2025, 3, 1, 9, 30, 0, 0, ZoneOffset.ofHours(8));

    private TestJobs() {
    }

    /** All test jobs, Running, not failed yet, so a route started now has nothing to forward. */
    static void addRunning(CiEmulator emulator) {
        int minute = 0;
        for (String jobId : concat(FAILED, NOT_FAILED)) {
            EmulatedJob.Builder job = EmulatedJob.builder()
                    .jobId(jobId)
                    .name(nameOf(jobId))
                    .state("Running")
                    .creationTime(CREATED.plusMinutes(minute++))
                    // what a job needs to be submitted again (the re-run example)
                    .inputPrefix("input/" + jobId.substring(jobId.length() - 2) + "/")
                    .operationTag("Transcode")
                    .templateId("t1a2b3");
            // the emulator keeps a failure code a job already carries when it moves to Failed
            if (FAILURES.containsKey(jobId)) {
                job.code(FAILURES.get(jobId).get(0)).message(FAILURES.get(jobId).get(1));
            }
            emulator.jobs().add(job.build());
        }
    }

    /**
     * Moves the jobs on: first the others to Success, Cancel, Running, Pause, then the failed ones to Failed, so that
     * once a failure is seen downstream, the listing that carried it already had every other job in its final state.
     */
    static void finish(CiEmulator emulator) {
        for (int i = 0; i < NOT_FAILED.size(); i++) {
            emulator.jobs().setState(NOT_FAILED.get(i), OTHER_STATES.get(i));
        }
        FAILED.forEach(jobId -> emulator.jobs().setState(jobId, "Failed"));
    }

    /** The name {@link #addRunning} gave a job. */
    static String nameOf(String jobId) {
        return "transcode " + jobId.substring(jobId.length() - 2);
    }

    /** The component connection to the emulator plus a short poll delay. */
    static Properties connectionTo(CiEmulator emulator) {
        Properties properties = DemoEmulator.connectionTo(emulator).componentProperties();
        properties.setProperty("tencentci.poll.delay", POLL_DELAY_MS);
        return properties;
    }

    /** A test emulator using the demo's credentials, empty. */
    static CiEmulator startEmulator() {
        return CiEmulator.builder().port(0).credentials(DemoEmulator.SECRET_ID, DemoEmulator.SECRET_KEY).start();
    }

    private static List<String> concat(List<String> a, List<String> b) {
        return java.util.stream.Stream.concat(a.stream(), b.stream()).toList();
    }
}
