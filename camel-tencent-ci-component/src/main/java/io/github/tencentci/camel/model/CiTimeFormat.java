package io.github.tencentci.camel.model;

import java.time.DateTimeException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.time.chrono.IsoChronology;
import java.util.Locale;

/**
 * The time format of the Tencent CI API ({@code %Y-%m-%dT%H:%M:%S%z}, e.g. {@code 2024-12-31T12:00:00+0800}).
 * <p>
 * Used for the times of a {@link JobsDetail} and for the {@code startCreationTime}/{@code endCreationTime}
 * filters of the consumer, so that both accept the same text.
 */
public final class CiTimeFormat {

    /** Human readable description of what {@link #parse(String)} accepts, quoted in its error messages. */
    public static final String ACCEPTED_FORMATS
            = "yyyy-MM-dd'T'HH:mm:ssZ (e.g. 2024-12-31T12:00:00+0800) or ISO-8601 with an offset"
              + " (e.g. 2024-12-31T12:00:00+08:00, 2024-12-31T04:00:00Z); '-' or empty means absent";

    private static final String ABSENT = "-";

    private static volatile ZoneOffset lastOffset;

    // One formatter for both notations: the offset is either "+08:00"/"Z" (ISO) or "+0800" (API).
    // STRICT so that e.g. 2024-02-30 is rejected rather than silently moved to 02-29.
    private static final DateTimeFormatter PARSER = new DateTimeFormatterBuilder()
            .append(DateTimeFormatter.ISO_LOCAL_DATE_TIME)
            .optionalStart().appendOffset("+HH:MM", "Z").optionalEnd()
            .optionalStart().appendOffset("+HHMM", "Z").optionalEnd()
            .toFormatter(Locale.ROOT)
            .withChronology(IsoChronology.INSTANCE)
            .withResolverStyle(ResolverStyle.STRICT);

    // "xx" (not "XX") so that UTC is written "+0000", the notation the API documents, rather than "Z".
    private static final DateTimeFormatter API = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ssxx", Locale.ROOT)
            .withChronology(IsoChronology.INSTANCE)
            .withResolverStyle(ResolverStyle.STRICT);

    private CiTimeFormat() {
    }

    /**
     * Parses a CI time.
     *
     * @param  text                     the API notation ({@code 2024-12-31T12:00:00+0800}) or ISO-8601 with an
     *                                  offset ({@code +08:00} or {@code Z}, optional fraction of second)
     * @return                          the time, or {@code null} for {@code null}, blank or the literal {@code -}
     *                                  that the API uses for "not yet"
     * @throws IllegalArgumentException if the text is none of the accepted formats; the message quotes the value
     */
    public static OffsetDateTime parse(String text) {
        if (text == null) {
            return null;
        }
        String value = text.strip();
        if (value.isEmpty() || ABSENT.equals(value)) {
            return null;
        }
        OffsetDateTime fast = parseApiNotation(value);
        if (fast != null) {
            return fast;
        }
        try {
            return OffsetDateTime.parse(value, PARSER);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(
                    "Invalid time '" + text + "': expected " + ACCEPTED_FORMATS, e);
        }
    }

    /**
     * The API's own notation, {@code uuuu-MM-ddTHH:mm:ss±HHMM}, read by hand: every job carries three times, and the
     * formatter with its optional offset sections (which copy the parse state for each) took ~40% of a poll's CPU.
     * Anything else, including an impossible date, returns {@code null} and goes to the formatter, which gives the
     * error message.
     */
    private static OffsetDateTime parseApiNotation(String v) {
        if (v.length() != 24 || v.charAt(4) != '-' || v.charAt(7) != '-' || v.charAt(10) != 'T' || v.charAt(13) != ':'
            || v.charAt(16) != ':' || (v.charAt(19) != '+' && v.charAt(19) != '-')) {
            return null;
        }
        int year = digits(v, 0, 4);
        int month = digits(v, 5, 2);
        int day = digits(v, 8, 2);
        int hour = digits(v, 11, 2);
        int minute = digits(v, 14, 2);
        int second = digits(v, 17, 2);
        int offsetHours = digits(v, 20, 2);
        int offsetMinutes = digits(v, 22, 2);
        if ((year | month | day | hour | minute | second | offsetHours | offsetMinutes) < 0) {
            return null;
        }
        int sign = v.charAt(19) == '-' ? -1 : 1;
        try {
            return OffsetDateTime.of(year, month, day, hour, minute, second, 0,
                    offset(sign * offsetHours, sign * offsetMinutes));
        } catch (DateTimeException e) {
            return null;
        }
    }

    /**
     * The offset, reusing the last one: a listing is almost always in one offset, and ZoneOffset's own cache (a boxed
     * key in a ConcurrentHashMap) was the next hot spot of a poll after the formatter.
     */
    private static ZoneOffset offset(int hours, int minutes) {
        ZoneOffset last = lastOffset;
        if (last != null && minutes > -60 && minutes < 60 && last.getTotalSeconds() == hours * 3600 + minutes * 60) {
            return last;
        }
        last = ZoneOffset.ofHoursMinutes(hours, minutes); // validates range and signs
        lastOffset = last;
        return last;
    }

    /** The decimal number of {@code length} ASCII digits at {@code from}, or -1 if any is not a digit. */
    private static int digits(String text, int from, int length) {
        int n = 0;
        for (int i = from; i < from + length; i++) {
            int d = text.charAt(i) - '0';
            if (d < 0 || d > 9) {
                return -1;
            }
            n = n * 10 + d;
        }
        return n;
    }

    /**
     * Formats a time the way the API writes and expects it, e.g. {@code 2024-12-31T12:00:00+0800}. Fractions of a
     * second are dropped: the API has a resolution of one second.
     *
     * @param  time the time, may be {@code null}
     * @return      the API notation, or {@code null} for {@code null}
     */
    public static String format(OffsetDateTime time) {
        return time == null ? null : API.format(time);
    }

    /** ISO-8601 with an offset and always with seconds, for JSON views (unlike OffsetDateTime.toString()). */
    static String formatIso(OffsetDateTime time) {
        return time == null ? null : DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(time);
    }
}
