package io.github.tencentci.examples;

import java.time.Duration;

import io.github.tencentci.emulator.CiEmulator;
import io.github.tencentci.emulator.LiveMode;

/**
 * The Tencent CI stand-in the demo runs against when no credentials are set: the project's emulator on a free
 * loopback port, with some history already in it and live mode submitting, running, finishing and failing new jobs,
 * so that a newcomer sees jobs flow within seconds.
 */
public final class DemoEmulator {

    /** The demo's made-up SecretId: the emulator checks signatures, so the component must sign with these. */
    static final String SECRET_ID = "AKIDdemoSecretIdForTheEmulator";
    /** The demo's made-up SecretKey. */
    static final String SECRET_KEY = "demoSecretKeyForTheEmulator";

    // fixed seed: every demo run starts from the same history
    private static final int HISTORY_JOBS = 12;
    private static final long HISTORY_SEED = 20_240_101L;
    // livelier than the defaults (a new job every ~5 s, 10% failing): something to see every second or two
    // (step 1 s, half the jobs advance per step, 30% of the ending jobs fail, a new job in 70% of the steps)
    private static final LiveMode LIVELY = new LiveMode(Duration.ofSeconds(1), 0.5, 0.3, 0.7, 1L);

    private DemoEmulator() {
    }

    /** Starts the emulator with its history and live mode; the caller closes it. */
    public static CiEmulator start() {
        CiEmulator emulator = CiEmulator.builder().port(0).credentials(SECRET_ID, SECRET_KEY).start();
        emulator.jobs().seed(HISTORY_JOBS, HISTORY_SEED);
        emulator.startLiveMode(LIVELY);
        return emulator;
    }

    /** The component connection to a started demo emulator. */
    public static CiConnection connectionTo(CiEmulator emulator) {
        return CiConnection.toEmulator(emulator.baseUrl(), SECRET_ID, SECRET_KEY);
    }
}
