package io.github.tencentci.emulator;

import java.time.Duration;
import java.util.Objects;

/**
 * One misbehaviour the emulator can show on a request (listing or job operation), scripted through
 * {@link FaultScript}. Faults are applied after the request's signature was accepted, so a test of a fault does not
 * also test signing.
 *
 * @param duration the delay of a DELAY fault, the Retry-After of an ERROR fault (or null)
 */
public record Fault(Kind kind, int status, String code, String message, Duration duration) {

    /** What a fault does; see the factory method of each. */
    public enum Kind { ERROR, DELAY, CUT_MID_BODY, CLOSE_CONNECTION, MALFORMED_XML }

    /**
     * An error answer with a CI error body, e.g. {@code error(503, "ServiceUnavailable", "try later")} or
     * {@code error(429, "SlowDown", "slow down").retryAfter(Duration.ofSeconds(2))}.
     */
    public static Fault error(int status, String code, String message) {
        if (status < 300 || status > 599) {
            throw new IllegalArgumentException("an error fault needs an HTTP status from 300 to 599, was " + status);
        }
        return new Fault(Kind.ERROR, status, Objects.requireNonNull(code, "code"),
                Objects.requireNonNull(message, "message"), null);
    }

    /** Waits, then answers normally: for client timeouts. */
    public static Fault delay(Duration delay) {
        if (delay.isNegative()) {
            throw new IllegalArgumentException("delay must not be negative, was " + delay);
        }
        return new Fault(Kind.DELAY, 0, null, null, delay);
    }

    /** Announces the full Content-Length, sends half of the body, then closes the connection. */
    public static Fault cutMidBody() {
        return new Fault(Kind.CUT_MID_BODY, 200, null, null, null);
    }

    /** Closes the connection without any response. */
    public static Fault closeConnection() {
        return new Fault(Kind.CLOSE_CONNECTION, 0, null, null, null);
    }

    /** A 200 whose body is not well-formed XML. */
    public static Fault malformedXml() {
        return new Fault(Kind.MALFORMED_XML, 200, null, null, null);
    }

    /**
     * @return this error fault with a {@code Retry-After} header (whole seconds, rounded up)
     * @throws IllegalStateException when this is not an {@link #error} fault
     */
    public Fault retryAfter(Duration retryAfter) {
        if (kind != Kind.ERROR) {
            throw new IllegalStateException("retryAfter applies to error faults only, not to " + kind);
        }
        return new Fault(kind, status, code, message, Objects.requireNonNull(retryAfter, "retryAfter"));
    }
}
