package io.github.tencentci.camel.http;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/**
 * Waits in short slices and gives up as soon as its owner says waiting is no longer wanted (a consumer being
 * stopped or suspended), so a throttled consumer never holds up a route shutdown for the whole delay.
 */
public final class StopAwareWaiter {

    static final long SLICE_MILLIS = 50;

    private final BooleanSupplier keepWaiting;

    /**
     * @param keepWaiting asked before and during the wait, e.g. {@code consumer::isRunAllowed}
     */
    public StopAwareWaiter(BooleanSupplier keepWaiting) {
        this.keepWaiting = keepWaiting;
    }

    /**
     * @return {@code true} when the full delay passed, {@code false} when the owner stopped the wait early (the
     * thread's interrupt flag is kept if it was interrupted)
     */
    public boolean await(Duration delay) {
        long deadline = System.nanoTime() + delay.toNanos();
        while (keepWaiting.getAsBoolean()) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return true;
            }
            try {
                Thread.sleep(Math.min(SLICE_MILLIS, Math.max(1, left / 1_000_000)));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return false;
    }
}
