package io.github.tencentci.camel.signing;

/**
 * The validity window of a signature, in Unix seconds, written {@code start;end} in the Authorization header.
 */
public record KeyTime(long start, long end) {

    public KeyTime {
        if (end <= start) {
            throw new IllegalArgumentException("key time end " + end + " must be after start " + start);
        }
    }

    public boolean contains(long epochSecond) {
        return epochSecond >= start && epochSecond <= end;
    }

    @Override
    public String toString() {
        return start + ";" + end;
    }
}
