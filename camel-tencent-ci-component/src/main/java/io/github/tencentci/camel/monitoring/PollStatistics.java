package io.github.tencentci.camel.monitoring;

import java.util.concurrent.atomic.AtomicLong;

import io.github.tencentci.camel.http.CiServiceException;

/**
 * The running totals of a consumer's polls, read through JMX (the consumer's MBean). Thread-safe: polls record, JMX reads from other threads.
 */
public final class PollStatistics {

    private final AtomicLong polls = new AtomicLong();
    private final AtomicLong failedPolls = new AtomicLong();
    private final AtomicLong consecutiveFailures = new AtomicLong();
    private final AtomicLong pages = new AtomicLong();
    private final AtomicLong jobsListed = new AtomicLong();
    private final AtomicLong jobsEmitted = new AtomicLong();
    private final AtomicLong duplicatesSkipped = new AtomicLong();
    private final AtomicLong throttleRetries = new AtomicLong();
    private volatile String lastErrorCode;

    /** Counts one finished poll and its tallies. */
    public void pollSucceeded(PollTally tally) {
        count(tally);
        consecutiveFailures.set(0);
    }

    /** Counts one failed poll, what it did before it failed, and why it failed. */
    public void pollFailed(PollTally tally, Throwable cause) {
        count(tally);
        failedPolls.incrementAndGet();
        consecutiveFailures.incrementAndGet();
        lastErrorCode = errorCode(cause);
    }

    /** Counts one retry after throttling. */
    public void throttled() {
        throttleRetries.incrementAndGet();
    }

    private void count(PollTally tally) {
        polls.incrementAndGet();
        pages.addAndGet(tally.pages);
        jobsListed.addAndGet(tally.listed);
        jobsEmitted.addAndGet(tally.emitted);
        duplicatesSkipped.addAndGet(tally.skipped);
    }

    /**
     * The CI error code of a failure ({@code SlowDown}, {@code AccessDenied}...), {@code HTTP <status>} for a
     * refusal without one, or the exception's simple class name for a transport or parsing failure.
     */
    public static String errorCode(Throwable cause) {
        if (cause instanceof CiServiceException service) {
            return service.getErrorCode() != null ? service.getErrorCode() : "HTTP " + service.getStatusCode();
        }
        return cause.getClass().getSimpleName();
    }

    public long getPolls() {
        return polls.get();
    }

    public long getFailedPolls() {
        return failedPolls.get();
    }

    public long getConsecutiveFailures() {
        return consecutiveFailures.get();
    }

    public long getPages() {
        return pages.get();
    }

    public long getJobsListed() {
        return jobsListed.get();
    }

    public long getJobsEmitted() {
        return jobsEmitted.get();
    }

    public long getDuplicatesSkipped() {
        return duplicatesSkipped.get();
    }

    public long getThrottleRetries() {
        return throttleRetries.get();
    }

    /** The error code of the last failed poll, or {@code null}. */
    public String getLastErrorCode() {
        return lastErrorCode;
    }

    @Override
    public String toString() {
        return "PollStatistics[polls=" + polls + ", failed=" + failedPolls + ", pages=" + pages + ", listed=" + jobsListed
               + ", emitted=" + jobsEmitted + ", duplicatesSkipped=" + duplicatesSkipped + ", throttleRetries="
               + throttleRetries + ", lastErrorCode=" + lastErrorCode + "]";
    }
}
