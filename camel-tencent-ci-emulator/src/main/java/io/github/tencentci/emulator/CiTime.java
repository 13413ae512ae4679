package io.github.tencentci.emulator;

import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/**
 * CI's time format {@code %Y-%m-%dT%H:%M:%S%z}, e.g. {@code 2022-06-27T15:23:10+0800}.
 */
final class CiTime {

    /** What CI writes for a time that has not happened yet (StartTime/EndTime of a waiting job). */
    static final String NOT_YET = "-";

    private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ssxx", Locale.ROOT);

    private CiTime() {
    }

    static String format(OffsetDateTime time) {
        return time == null ? NOT_YET : FORMAT.format(time);
    }

    /**
     * @throws IllegalArgumentException when {@code text} is not in CI's format
     */
    static OffsetDateTime parse(String text) {
        try {
            return OffsetDateTime.parse(text, FORMAT);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("'" + text + "' is not a time in the format %Y-%m-%dT%H:%M:%S%z"
                    + " (e.g. 2022-02-25T12:00:00+0800; a '+' in a query must be sent as %2B)", e);
        }
    }
}
