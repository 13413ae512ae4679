package io.github.tencentci.camel.delivery;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;

import io.github.tencentci.camel.http.JobListingQuery;

/**
 * The look-back window of incremental polling: each poll lists only jobs created within {@code lookBack} of now (and
 * within the configured {@code startCreationTime}), so a quiet poll reads one page instead of the whole history.
 * <p>
 * The trade-off: a job whose creation time has left the window is no longer listed, so a state change it makes after
 * that is never seen. Choose a window longer than the longest a job can take from submission to its last state.
 */
public final class CreationTimeWindow {

    private final Duration lookBack;
    private final Clock clock;

    /**
     * @param lookBack how far back from now to list; zero for no window (every poll walks the whole history)
     * @param clock    the clock "now" is read from
     */
    public CreationTimeWindow(Duration lookBack, Clock clock) {
        if (lookBack.isNegative()) {
            throw new IllegalArgumentException("lookBack " + lookBack + " must not be negative");
        }
        this.lookBack = lookBack;
        this.clock = clock;
    }

    /** No window: every poll lists everything the filter options select. */
    public static CreationTimeWindow none() {
        return new CreationTimeWindow(Duration.ZERO, Clock.systemUTC());
    }

    public boolean isEnabled() {
        return !lookBack.isZero();
    }

    /** The query of one poll: {@code base} with its start narrowed to {@code now - lookBack} when that is later. */
    public JobListingQuery narrow(JobListingQuery base) {
        if (!isEnabled()) {
            return base;
        }
        // whole seconds: the API's time format has no fraction, and the window must not miss a job by truncation
        OffsetDateTime start = OffsetDateTime.now(clock).minus(lookBack).withNano(0);
        return base.withStartCreationTimeAtLeast(start);
    }

    public Duration getLookBack() {
        return lookBack;
    }

    @Override
    public String toString() {
        return isEnabled() ? "lookBack " + lookBack : "no look-back window";
    }
}
