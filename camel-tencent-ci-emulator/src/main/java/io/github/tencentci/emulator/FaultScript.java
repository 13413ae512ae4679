package io.github.tencentci.emulator;

import java.util.Arrays;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * The faults the emulator plays on requests with a valid signature: the listing and the job operations (describe,
 * cancel, trigger) alike, one fault per request in arrival order.
 * Thread-safe.
 * <ul>
 * <li>{@link #enqueue(Fault...)}: one fault per request, first in first out; then requests are answered normally.</li>
 * <li>{@link #always(Fault)}: a fault for every request once the queue is empty.</li>
 * <li>{@link #repeatNextToken(boolean)}: every page answers the same non-empty NextToken, so a client that follows
 * tokens blindly never finishes.</li>
 * <li>{@link #duplicateAcrossPages(boolean)}: the last job of each page comes again as the first of the next page.</li>
 * </ul>
 */
public final class FaultScript {

    private final Queue<Fault> queue = new ConcurrentLinkedQueue<>();
    private volatile Fault always;
    private volatile boolean repeatNextToken;
    private volatile boolean duplicateAcrossPages;

    FaultScript() {
    }

    /** Queues faults, each played on one request. @return this */
    public FaultScript enqueue(Fault... faults) {
        queue.addAll(Arrays.asList(faults));
        return this;
    }

    /** Plays this fault on every request the queue does not cover; null stops it. @return this */
    public FaultScript always(Fault fault) {
        this.always = fault;
        return this;
    }

    /** @return this */
    public FaultScript repeatNextToken(boolean enabled) {
        this.repeatNextToken = enabled;
        return this;
    }

    /** @return this */
    public FaultScript duplicateAcrossPages(boolean enabled) {
        this.duplicateAcrossPages = enabled;
        return this;
    }

    /** Forgets queued faults, the always-fault and both flags. */
    public void clear() {
        queue.clear();
        always = null;
        repeatNextToken = false;
        duplicateAcrossPages = false;
    }

    /** @return how many queued faults have not been played yet */
    public int pending() {
        return queue.size();
    }

    /** Takes the fault for the current request, or null to answer normally. */
    Fault next() {
        Fault queued = queue.poll();
        return queued != null ? queued : always;
    }

    boolean repeatsNextToken() {
        return repeatNextToken;
    }

    boolean duplicatesAcrossPages() {
        return duplicateAcrossPages;
    }
}
