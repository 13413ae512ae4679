package io.github.tencentci.camel.signing;

/**
 * The validity window of a signature, in Unix seconds, written {@code start;end} in the Authorization header.
 */
public record KeyTime(long start, long end) {

    /** @throws IllegalArgumentException if {@code end} is not after {@code start} */
    public KeyTime {
        if (end <= start) {
            throw new IllegalArgumentException("key time end " + end + " must be after start " + start);
        }
    }

    /** The {@code start;end} form used in {@code q-sign-time} and {@code q-key-time}. */
    @Override
    public String toString() {
        return start + ";" + end;
    }
}
