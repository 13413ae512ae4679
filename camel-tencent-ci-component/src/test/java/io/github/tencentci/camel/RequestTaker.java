package io.github.tencentci.camel;

import java.util.ArrayList;
import java.util.List;

import io.github.tencentci.emulator.CiEmulator;
import io.github.tencentci.emulator.RecordedRequest;

/**
 * Takes an emulator's requests one at a time, blocking ({@link CiEmulator#takeRequest()}), and counts what it took,
 * so that a test can also wait for requests that arrive after now. Use one taker per emulator and take only
 * through it.
 */
public final class RequestTaker {

    private final CiEmulator emulator;
    private int taken;

    public RequestTaker(CiEmulator emulator) {
        this.emulator = emulator;
    }

    /** The next request not taken yet, waiting up to {@link CiEmulator#DEFAULT_TAKE_TIMEOUT} for it. */
    public synchronized RecordedRequest take() {
        RecordedRequest request = emulator.takeRequest();
        taken++;
        return request;
    }

    /** The next {@code count} requests, oldest first, waiting for each. */
    public synchronized List<RecordedRequest> take(int count) {
        List<RecordedRequest> requests = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            requests.add(take());
        }
        return requests;
    }

    /**
     * Waits until {@code count} more requests arrived after those received so far (e.g. to let several more polls
     * run before asserting that they added nothing) and returns them.
     */
    public synchronized List<RecordedRequest> awaitFurther(int count) {
        take(emulator.requests().count() - taken);
        return take(count);
    }
}
