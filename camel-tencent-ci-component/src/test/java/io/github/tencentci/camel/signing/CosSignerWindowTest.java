package io.github.tencentci.camel.signing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static io.github.tencentci.camel.signing.CosSigner.BACKDATE_SECONDS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * The key-time window of a long-lived {@link CosSigner}: when it is reused, when it is renewed, how a clock
 * correction moves it. Time is a mutable test clock; nothing sleeps.
 */
class CosSignerWindowTest {

    private static final long T0 = 1_700_000_000L;
    private static final Duration VALIDITY = Duration.ofMinutes(15);
    private static final TencentCredentials CREDENTIALS
            = new TencentCredentials("AKIDQjz3ltompVjBni5LitkWHFlFpwkn9U5q", "BQYIM75p8x0iWVFSIgqEKwFprpRSVHlz");
    private static final Map<String, String> PARAMS = Map.of("size", "10");
    private static final Map<String, String> HEADERS = Map.of("host", "examplebucket-1250000000.ci.ap-beijing.myqcloud.com");

    private final MutableClock clock = new MutableClock(Instant.ofEpochSecond(T0));
    private final CosSigner signer = new CosSigner(clock, VALIDITY);

    @Test
    void windowStartsBackdatedAndSignsLikeAnExplicitKeyTime() {
        KeyTime expected = new KeyTime(T0 - BACKDATE_SECONDS, T0 - BACKDATE_SECONDS + VALIDITY.toSeconds());

        String authorization = sign(CREDENTIALS);

        assertThat(keyTimeOf(authorization)).isEqualTo(expected);
        assertThat(authorization).isEqualTo(
                CosSigner.authorization(CREDENTIALS, expected, "GET", "/inventorytriggerjob", PARAMS, HEADERS));
    }

    @Test
    void windowIsReusedWithinItsFirstHalf() {
        KeyTime first = keyTimeOf(sign(CREDENTIALS));
        long lastReuse = first.start() + VALIDITY.toSeconds() / 2;

        clock.setTo(lastReuse);

        KeyTime reused = keyTimeOf(sign(CREDENTIALS));
        assertThat(reused).isEqualTo(first);
        assertThat(reused.end() - lastReuse).as("a reused window has at least half its validity left")
                .isGreaterThanOrEqualTo(VALIDITY.toSeconds() / 2);
    }

    @Test
    void windowIsRenewedOnceHalfOfItHasPassed() {
        KeyTime first = keyTimeOf(sign(CREDENTIALS));
        long renewal = first.start() + VALIDITY.toSeconds() / 2 + 1;

        clock.setTo(renewal);
        KeyTime second = keyTimeOf(sign(CREDENTIALS));

        assertThat(second).isEqualTo(new KeyTime(renewal - BACKDATE_SECONDS,
                renewal - BACKDATE_SECONDS + VALIDITY.toSeconds()));
    }

    @Test
    void windowIsRenewedWhenTheLocalClockGoesBackBeforeIt() {
        KeyTime first = keyTimeOf(sign(CREDENTIALS));

        clock.setTo(first.start() - 1);

        assertThat(keyTimeOf(sign(CREDENTIALS)).start()).isEqualTo(first.start() - 1 - BACKDATE_SECONDS);
    }

    @Test
    void windowIsRenewedWhenTheSecretKeyRotates() {
        sign(CREDENTIALS);
        TencentCredentials rotated = new TencentCredentials(CREDENTIALS.getSecretId(), "anotherSecretKey0123456789abcdef");
        KeyTime sameTimes = new KeyTime(T0 - BACKDATE_SECONDS, T0 - BACKDATE_SECONDS + VALIDITY.toSeconds());

        // same instant, so the same key time: only a signature under the new key shows the window was renewed
        assertThat(sign(rotated)).isEqualTo(
                CosSigner.authorization(rotated, sameTimes, "GET", "/inventorytriggerjob", PARAMS, HEADERS));
    }

    @Test
    void serviceClockAheadMovesTheWindowForward() {
        KeyTime before = keyTimeOf(sign(CREDENTIALS));

        signer.correctClock(Instant.ofEpochSecond(T0).plus(Duration.ofMinutes(10)));

        assertThat(signer.getClockOffset()).isEqualTo(Duration.ofMinutes(10));
        assertThat(signer.now()).isEqualTo(Instant.ofEpochSecond(T0 + 600));
        assertThat(keyTimeOf(sign(CREDENTIALS)))
                .isNotEqualTo(before)
                .isEqualTo(new KeyTime(T0 + 600 - BACKDATE_SECONDS, T0 + 600 - BACKDATE_SECONDS + VALIDITY.toSeconds()));
    }

    @Test
    void serviceClockBehindMovesTheWindowBack() {
        sign(CREDENTIALS);

        signer.correctClock(Instant.ofEpochSecond(T0).minus(Duration.ofMinutes(10)));

        assertThat(keyTimeOf(sign(CREDENTIALS)).start()).isEqualTo(T0 - 600 - BACKDATE_SECONDS);
    }

    @Test
    void correctionWithinTheDateHeadersResolutionKeepsTheWindow() {
        KeyTime before = keyTimeOf(sign(CREDENTIALS));

        // a Date header has whole seconds: a service in step with us reports up to a second "behind"
        clock.setTo(Instant.ofEpochSecond(T0 + 30).plusMillis(900));
        signer.correctClock(Instant.ofEpochSecond(T0 + 30));

        assertThat(signer.getClockOffset()).isEqualTo(Duration.ofMillis(-900));
        assertThat(keyTimeOf(sign(CREDENTIALS))).isEqualTo(before);
    }

    @Test
    void validityShorterThanTheMinimumIsRejected() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new CosSigner(clock, Duration.ofMinutes(1)))
                .withMessage("signature validity must be at least 240 seconds (a window is renewed after half of it "
                             + "and starts 60 seconds in the past), was 60 seconds");
        assertThat(new CosSigner(clock, CosSigner.MIN_VALIDITY)).isNotNull();
    }

    private String sign(TencentCredentials credentials) {
        return signer.authorization(credentials, "GET", "/inventorytriggerjob", PARAMS, HEADERS);
    }

    private static KeyTime keyTimeOf(String authorization) {
        String keyTime = authorization.replaceFirst(".*&q-key-time=([0-9]+;[0-9]+)&.*", "$1");
        String signTime = authorization.replaceFirst(".*&q-sign-time=([0-9]+;[0-9]+)&.*", "$1");
        assertThat(signTime).as("q-sign-time equals q-key-time").isEqualTo(keyTime);
        String[] parts = keyTime.split(";");
        return new KeyTime(Long.parseLong(parts[0]), Long.parseLong(parts[1]));
    }

    /** A clock the test moves by hand. */
    private static final class MutableClock extends Clock {
        private volatile Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        void setTo(long epochSecond) {
            setTo(Instant.ofEpochSecond(epochSecond));
        }

        void setTo(Instant instant) {
            now = instant;
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            throw new UnsupportedOperationException("not needed by the signer");
        }
    }
}
