package io.github.tencentci.examples;

import io.github.tencentci.emulator.CiEmulator;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A fresh emulator for each test, holding the {@link TestJobs} in their Running state; closed after the test.
 * Register with {@code @RegisterExtension final TestJobsEmulator ci = new TestJobsEmulator();}.
 */
final class TestJobsEmulator implements BeforeEachCallback, AfterEachCallback {

    private CiEmulator emulator;

    @Override
    public void beforeEach(ExtensionContext context) {
        emulator = TestJobs.startEmulator();
        TestJobs.addRunning(emulator);
    }

    @Override
    public void afterEach(ExtensionContext context) {
        emulator.close();
    }

    CiEmulator emulator() {
        return emulator;
    }
}
