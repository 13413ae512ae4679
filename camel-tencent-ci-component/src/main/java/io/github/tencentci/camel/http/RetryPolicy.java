package io.github.tencentci.camel.http;

import java.io.IOException;
import java.time.Duration;
import java.util.Objects;
import java.util.function.DoubleSupplier;

/**
 * When and how long to wait before asking the service again after it throttled (HTTP 429, {@code SlowDown}) or was
 * briefly unavailable (HTTP 503).
 * <p>
 * Delays grow exponentially from {@code baseDelay} with "equal jitter" (half fixed, half random), so that many
 * consumers throttled at once do not come back in step. A {@code Retry-After} from the service is honoured up to
 * {@code maxRetryAfter}; a longer one is cut to that cap rather than obeyed blindly. Every wait of one poll counts
 * against {@code budget}; a retry that would overrun it is not made and the page fails, so a poll never sleeps longer
 * than the budget in total. Immutable and thread-safe.
 */
public final class RetryPolicy {

    public static final int DEFAULT_ATTEMPTS = 3;
    public static final Duration DEFAULT_BASE_DELAY = Duration.ofMillis(500);
    public static final Duration DEFAULT_MAX_RETRY_AFTER = Duration.ofSeconds(30);
    public static final Duration DEFAULT_BUDGET = Duration.ofSeconds(60);

    private final int attempts;
    private final Duration baseDelay;
    private final Duration maxRetryAfter;
    private final Duration budget;
    private final DoubleSupplier jitter;

    /**
     * @param attempts      how many times one page is requested at most, the first time included (1 = never retry)
     * @param baseDelay     the delay before the first retry, doubled for each further one
     * @param maxRetryAfter the longest {@code Retry-After} honoured; the exponential delay is capped at the larger of
     *                      this and {@code baseDelay}
     * @param budget        the most one poll waits in total across all its retries
     * @param jitter        a source of random numbers in [0, 1)
     */
    public RetryPolicy(int attempts, Duration baseDelay, Duration maxRetryAfter, Duration budget, DoubleSupplier jitter) {
        if (attempts < 1) {
            throw new IllegalArgumentException("retryAttempts " + attempts + " must be 1 (no retry) or more");
        }
        this.attempts = attempts;
        this.baseDelay = requireNotNegative(baseDelay, "retryBaseDelay");
        this.maxRetryAfter = requireNotNegative(maxRetryAfter, "maxRetryAfter");
        this.budget = requireNotNegative(budget, "retryBudget");
        this.jitter = Objects.requireNonNull(jitter, "jitter");
    }

    private static Duration requireNotNegative(Duration value, String option) {
        if (value == null || value.isNegative()) {
            throw new IllegalArgumentException(option + " " + value + " must be zero or more");
        }
        return value;
    }

    /** Whether this failure is worth waiting for: throttling or a passing outage. */
    public boolean isRetryable(IOException failure) {
        return failure instanceof CiServiceException service && service.isThrottlingOrUnavailable();
    }

    /**
     * The delay before retry number {@code retry} (1 for the first retry).
     *
     * @param retryAfter the service's Retry-After, or {@code null}
     */
    public Duration delayBefore(int retry, Duration retryAfter) {
        long base = baseDelay.toMillis();
        long exponential = retry >= 31 ? Long.MAX_VALUE : base << Math.max(0, retry - 1);
        if (exponential < base) {
            exponential = Long.MAX_VALUE; // shifted past the sign bit
        }
        long capped = Math.min(exponential, Math.max(base, maxRetryAfter.toMillis()));
        long jittered = capped / 2 + (long) (jitter.getAsDouble() * (capped - capped / 2));
        if (retryAfter == null) {
            return Duration.ofMillis(jittered);
        }
        long honoured = Math.min(retryAfter.toMillis(), maxRetryAfter.toMillis());
        return Duration.ofMillis(Math.max(honoured, jittered));
    }

    public int getAttempts() {
        return attempts;
    }

    public Duration getBaseDelay() {
        return baseDelay;
    }

    public Duration getMaxRetryAfter() {
        return maxRetryAfter;
    }

    public Duration getBudget() {
        return budget;
    }

    @Override
    public String toString() {
        return "RetryPolicy[attempts=" + attempts + ", baseDelay=" + baseDelay.toMillis() + "ms, maxRetryAfter="
               + maxRetryAfter.toMillis() + "ms, budget=" + budget.toMillis() + "ms]";
    }
}
