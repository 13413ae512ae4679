package io.github.tencentci.camel.model;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
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
    private static final LocalDate[] RECENT_DATES = new LocalDate[64];

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
        try {
            OffsetDateTime fast = parseFixedWidth(value.toCharArray(), 0, value.length());
            return fast != null ? fast : OffsetDateTime.parse(value, PARSER);
        } catch (DateTimeException e) {
            throw new IllegalArgumentException(
                    "Invalid time '" + text + "': expected " + ACCEPTED_FORMATS, e);
        }
    }

    /**
     * Reads a time in the notations the API actually sends, from characters, without making a string: what
     * {@link #parse(String)} gives for them. The binder calls it with the XML reader's own buffer.
     *
     * @return the time; {@code null} when the text is not exactly {@code yyyy-MM-ddTHH:mm:ss} followed by
     *         {@code +HHMM}, {@code +HH:MM} or {@code Z} (then {@link #parse(String)} decides)
     * @throws DateTimeException when it is, but a field is out of range (e.g. February 30)
     */
    public static OffsetDateTime parseApiNotation(char[] text, int start, int length) {
        return parseFixedWidth(text, start, length);
    }

    /**
     * The notations the API actually sends, {@code yyyy-MM-ddTHH:mm:ss} then {@code +HHMM}, {@code +HH:MM} or
     * {@code Z}, read by position: several times faster than the formatter, which matters at five times per job.
     * Returns null for anything else (fractions, ...), which then goes through the formatter.
     */
    private static OffsetDateTime parseFixedWidth(char[] v, int at, int length) {
        if (length < 20 || v[at + 4] != '-' || v[at + 7] != '-' || v[at + 10] != 'T' || v[at + 13] != ':'
                || v[at + 16] != ':') {
            return null;
        }
        ZoneOffset offset;
        char sign = v[at + 19];
        if (length == 20 && (sign == 'Z' || sign == 'z')) { // RFC 3339 allows 'z', and so does the formatter
            offset = ZoneOffset.UTC;
        } else if ((sign == '+' || sign == '-') && (length == 24 || length == 25 && v[at + 22] == ':')) {
            int hours = digits(v, at + 20, at + 22);
            int minutes = digits(v, at + length - 2, at + length);
            if (hours < 0 || minutes < 0 || minutes > 59) {
                return null;
            }
            offset = offset((hours * 3600 + minutes * 60) * (sign == '-' ? -1 : 1));
        } else {
            return null;
        }
        int year = digits(v, at, at + 4);
        int month = digits(v, at + 5, at + 7);
        int day = digits(v, at + 8, at + 10);
        int hour = digits(v, at + 11, at + 13);
        int minute = digits(v, at + 14, at + 16);
        int second = digits(v, at + 17, at + 19);
        if (year < 0 || month < 0 || day < 0 || hour < 0 || minute < 0 || second < 0) {
            return null;
        }
        // LocalDate.of and LocalTime.of validate every field (no February 30, no hour 24) with a DateTimeException
        return OffsetDateTime.of(LocalDateTime.of(date(year, month, day), LocalTime.of(hour, minute, second)), offset);
    }

    /**
     * The date, reusing a recent one: the times of jobs listed together fall on a few days, and a date is immutable,
     * so one instance serves them all (one allocation and one validation less per time). A small direct-mapped table
     * shared by all threads: LocalDate's fields are final, so a date read from it is always complete.
     */
    private static LocalDate date(int year, int month, int day) {
        int slot = (day + 31 * month + 372 * year) & (RECENT_DATES.length - 1);
        LocalDate recent = RECENT_DATES[slot];
        if (recent != null && recent.getDayOfMonth() == day && recent.getMonthValue() == month
                && recent.getYear() == year) {
            return recent;
        }
        recent = LocalDate.of(year, month, day);
        RECENT_DATES[slot] = recent;
        return recent;
    }

    /**
     * The offset, reusing the last one: a listing is almost always in one offset, and ZoneOffset's own cache (a boxed
     * key in a ConcurrentHashMap) was the next hot spot of a poll after the formatter.
     */
    private static ZoneOffset offset(int totalSeconds) {
        ZoneOffset last = lastOffset;
        if (last != null && last.getTotalSeconds() == totalSeconds) {
            return last;
        }
        last = ZoneOffset.ofTotalSeconds(totalSeconds); // validates the range
        lastOffset = last;
        return last;
    }

    /** The non-negative number in v[from, to), or -1 if a character is not an ASCII digit. */
    private static int digits(char[] v, int from, int to) {
        int n = 0;
        for (int i = from; i < to; i++) {
            char c = v[i];
            if (c < '0' || c > '9') {
                return -1;
            }
            n = n * 10 + (c - '0');
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
