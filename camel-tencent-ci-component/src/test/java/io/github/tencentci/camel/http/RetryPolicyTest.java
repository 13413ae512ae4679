package io.github.tencentci.camel.http;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The retry delays docs/reliability.md states: {@code retryBaseDelay · 2^(n-1)} with equal jitter (half fixed, half
 * random), capped at the larger of {@code retryBaseDelay} and {@code maxRetryAfter}, and a Retry-After honoured up
 * to {@code maxRetryAfter}. Jitter 0 gives the lowest delay of a draw, jitter just under 1 the highest.
 */
class RetryPolicyTest {

    private static final double HIGHEST = Math.nextDown(1.0);

    private static RetryPolicy policy(long baseMillis, long maxRetryAfterMillis, double jitter) {
        return new RetryPolicy(5, Duration.ofMillis(baseMillis), Duration.ofMillis(maxRetryAfterMillis),
                Duration.ofMinutes(1), () -> jitter);
    }

    @Test
    void delaysDoubleFromTheBaseWithHalfOfEachOneJittered() {
        RetryPolicy lowest = policy(500, 30_000, 0.0);
        RetryPolicy highest = policy(500, 30_000, HIGHEST);

        assertThat(lowest.delayBefore(1, null)).isEqualTo(Duration.ofMillis(250));
        assertThat(highest.delayBefore(1, null)).isEqualTo(Duration.ofMillis(499));
        assertThat(lowest.delayBefore(2, null)).isEqualTo(Duration.ofMillis(500));
        assertThat(lowest.delayBefore(3, null)).isEqualTo(Duration.ofMillis(1000));
    }

    @Test
    void theExponentialDelayIsCappedAtTheLargerOfBaseDelayAndMaxRetryAfter() {
        assertThat(policy(500, 3_000, 0.0).delayBefore(10, null)).isEqualTo(Duration.ofMillis(1_500));
        // a base delay above maxRetryAfter is not cut down to it
        assertThat(policy(5_000, 1_000, 0.0).delayBefore(1, null)).isEqualTo(Duration.ofMillis(2_500));
        assertThat(policy(5_000, 1_000, 0.0).delayBefore(4, null)).isEqualTo(Duration.ofMillis(2_500));
        assertThat(policy(500, 30_000, 0.0).delayBefore(40, null)).isEqualTo(Duration.ofMillis(15_000));
    }

    @Test
    void aRetryAfterIsHonouredUpToMaxRetryAfter() {
        RetryPolicy policy = policy(500, 30_000, 0.0);

        assertThat(policy.delayBefore(1, Duration.ofSeconds(5))).isEqualTo(Duration.ofSeconds(5));
        assertThat(policy.delayBefore(1, Duration.ofMinutes(5))).isEqualTo(Duration.ofSeconds(30));
        // a shorter Retry-After than the exponential delay does not shorten it
        assertThat(policy.delayBefore(3, Duration.ofMillis(10))).isEqualTo(Duration.ofMillis(1000));
    }
}
