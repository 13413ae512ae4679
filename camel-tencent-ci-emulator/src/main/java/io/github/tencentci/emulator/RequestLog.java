package io.github.tencentci.emulator;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Every request the emulator received, in arrival order, with its answer. Thread-safe. A request is recorded before
 * its response is sent, so it is visible here as soon as the client has the response.
 * <p>
 * Besides the snapshot ({@link #all()}), the log hands requests out one at a time to {@link #take(Duration)}
 * (behind {@link CiEmulator#takeRequest()}), in arrival order: a request taken once is not taken again, and taking
 * does not remove it from {@link #all()}.
 */
public final class RequestLog {

    private final List<RecordedRequest> requests = new ArrayList<>();
    /** Index into {@link #requests} of the next request {@link #take(Duration)} hands out. */
    private int nextToTake;

    RequestLog() {
    }

    synchronized void record(RecordedRequest request) {
        requests.add(request);
        notifyAll();
    }

    /** @return a snapshot of all recorded requests, oldest first */
    public synchronized List<RecordedRequest> all() {
        return List.copyOf(requests);
    }

    public synchronized int count() {
        return requests.size();
    }

    /** @return the most recent request, or null when none was received */
    public synchronized RecordedRequest last() {
        return requests.isEmpty() ? null : requests.get(requests.size() - 1);
    }

    /** Forgets every request, those not taken yet included. */
    public synchronized void clear() {
        requests.clear();
        nextToTake = 0;
    }

    /**
     * Waits for the oldest request not taken yet and takes it.
     *
     * @throws AssertionError when none arrives within {@code timeout}, or the waiting thread is interrupted
     */
    synchronized RecordedRequest take(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        try {
            while (nextToTake == requests.size()) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new AssertionError("no request arrived at the CI emulator within " + describe(timeout)
                            + ": " + nextToTake + " taken before, " + requests.size() + " received in all");
                }
                wait(Math.max(1, left / 1_000_000));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while waiting for a request at the CI emulator", e);
        }
        return requests.get(nextToTake++);
    }

    private static String describe(Duration timeout) {
        return timeout.toMillis() % 1000 == 0 ? timeout.toSeconds() + " s" : timeout.toMillis() + " ms";
    }
}
