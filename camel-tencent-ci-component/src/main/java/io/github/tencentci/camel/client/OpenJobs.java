package io.github.tencentci.camel.client;

import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.Map;

/**
 * What incremental polling remembers between polls: the jobs that were still open ({@code Submitted}, {@code Running},
 * {@code Pause}) when the last complete walk listed them, with their creation times. A job that is no longer open at
 * the next walk has reached its final state since, and is looked up by its id if the look-back window no longer
 * covers it, so that state is never missed however long the job ran.
 * <p>
 * Meant to live as long as the delivery memory it complements (the endpoint's default in-memory idempotent
 * repository), not just one consumer, so that a route restart does not forget it. Thread-safe.
 */
public final class OpenJobs {

    private Map<String, OffsetDateTime> jobs = Map.of();
    private boolean known;

    /** Whether a walk has completed since this memory was created; before that, nothing is known about open jobs. */
    public synchronized boolean isKnown() {
        return known;
    }

    /** The open jobs of the last complete walk, by JobId; a creation time is {@code null} where it was unreadable. */
    public synchronized Map<String, OffsetDateTime> jobs() {
        return jobs;
    }

    /** Replaces the memory with the open jobs a complete walk listed. */
    synchronized void replace(Map<String, OffsetDateTime> open) {
        jobs = java.util.Collections.unmodifiableMap(new HashMap<>(open));
        known = true;
    }

    /** How many open jobs are remembered. */
    public synchronized int size() {
        return jobs.size();
    }
}
