package io.github.tencentci.camel.delivery;

import java.time.OffsetDateTime;
import java.util.LinkedHashSet;
import java.util.Set;

import io.github.tencentci.camel.TestFixtures;
import io.github.tencentci.emulator.CiEmulator;
import io.github.tencentci.emulator.EmulatedJob;

/**
 * The history the delivery tests run against: {@code jobs} Running jobs {@code j00000...}, one a minute, of which the
 * newest {@code stateChanges} later move to Failed, each a new (JobId, State) pair that must be delivered too.
 */
record JobHistory(int jobs, int stateChanges) {

    private static final OffsetDateTime T0 = TestFixtures.T0;

    static String jobId(int index) {
        return String.format("j%05d", index);
    }

    void addRunning(CiEmulator emulator) {
        for (int i = 0; i < jobs; i++) {
            emulator.jobs().add(EmulatedJob.builder().jobId(jobId(i)).name("job").type("Job")
                    .state("Running").creationTime(T0.plusMinutes(i)).build());
        }
    }

    /** Moves the newest jobs (listed first: the listing is newest first) to Failed. */
    void failNewest(CiEmulator emulator) {
        for (int i = jobs - stateChanges; i < jobs; i++) {
            emulator.jobs().setState(jobId(i), "Failed");
        }
    }

    /** Every (JobId, State) key the history produces once {@link #failNewest} ran. */
    Set<String> expectedKeys() {
        Set<String> keys = new LinkedHashSet<>();
        for (int i = 0; i < jobs; i++) {
            keys.add(jobId(i) + ":Running");
        }
        for (int i = jobs - stateChanges; i < jobs; i++) {
            keys.add(jobId(i) + ":Failed");
        }
        return keys;
    }
}
