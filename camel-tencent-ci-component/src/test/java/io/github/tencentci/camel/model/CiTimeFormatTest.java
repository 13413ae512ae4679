package io.github.tencentci.camel.model;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * AssertJ compares {@code OffsetDateTime} by instant, so a parser that normalised to UTC would pass an
 * {@code isEqualTo}: every parsed value here is checked with {@link #assertParsed}, which compares local time and
 * offset as well.
 */
class CiTimeFormatTest {

    private static final OffsetDateTime NOON_BEIJING = OffsetDateTime.of(2024, 12, 31, 12, 0, 0, 0, ZoneOffset.ofHours(8));

    /** The parsed value is {@code expected} with its offset, not merely the same instant. */
    private static void assertParsed(String text, OffsetDateTime expected) {
        OffsetDateTime parsed = CiTimeFormat.parse(text);
        assertThat(parsed).as(text).isEqualTo(expected);
        assertThat(parsed.getOffset()).as("offset of %s", text).isEqualTo(expected.getOffset());
        assertThat(parsed.toLocalDateTime()).as("local time of %s", text).isEqualTo(expected.toLocalDateTime());
    }

    @Test
    void parsesTheApiNotation() {
        assertParsed("2024-12-31T12:00:00+0800", NOON_BEIJING);
        assertParsed("2024-12-31T12:00:00-0530", OffsetDateTime.of(2024, 12, 31, 12, 0, 0, 0, ZoneOffset.ofHoursMinutes(-5, -30)));
    }

    @Test
    void parsesIsoOffsets() {
        assertParsed("2024-12-31T12:00:00+08:00", NOON_BEIJING);
        assertParsed("2024-12-31T04:00:00Z", OffsetDateTime.of(2024, 12, 31, 4, 0, 0, 0, ZoneOffset.UTC));
        assertParsed("2024-12-31T12:00:00.250+08:00", NOON_BEIJING.plusNanos(250_000_000));
        assertParsed(" 2024-12-31T12:00:00+0800\n", NOON_BEIJING);
        assertParsed("2024-12-31T12:00:00-08:30", OffsetDateTime.of(2024, 12, 31, 12, 0, 0, 0, ZoneOffset.ofHoursMinutes(-8, -30)));
        assertParsed("2024-12-31T12:00+08:00", NOON_BEIJING); // ISO allows no seconds
        assertParsed("2024-12-31t04:00:00z", OffsetDateTime.of(2024, 12, 31, 4, 0, 0, 0, ZoneOffset.UTC)); // RFC 3339 lower case
        assertParsed("2024-02-29T00:00:00+0000", OffsetDateTime.of(2024, 2, 29, 0, 0, 0, 0, ZoneOffset.UTC));
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = { "-", "", "   ", " - " })
    void dashEmptyOrNullIsAbsent(String text) {
        assertThat(CiTimeFormat.parse(text)).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "2024-12-31 12:00:00+0800", // space instead of T
            "2024-12-31T12:00:00", // no offset
            "2024-02-30T12:00:00+0800", // no such day
            "2024-12-31T24:00:00+0800",
            "2024-12-31T12:00:00+08", // hours-only offset is neither notation
            "2024-12-31T12:00:00+0860", // no such offset minute
            "2024-12-31T12:00:00+1900", // beyond the largest offset
            "2024-12-31T12:00:60+0800",
            "2024-13-31T12:00:00+08:00",
            "2024-12-31T12:00:00+08:0a",
            "1735617600", // epoch seconds
            "yesterday" })
    void rejectsAnythingElseQuotingTheValueAndTheFormats(String text) {
        assertThatThrownBy(() -> CiTimeFormat.parse(text))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'" + text + "'")
                .hasMessageContaining("2024-12-31T12:00:00+0800")
                .hasMessageContaining("2024-12-31T12:00:00+08:00");
    }

    @Test
    void formatsTheApiNotation() {
        assertThat(CiTimeFormat.format(NOON_BEIJING)).isEqualTo("2024-12-31T12:00:00+0800");
        assertThat(CiTimeFormat.format(NOON_BEIJING.withOffsetSameInstant(ZoneOffset.UTC)))
                .isEqualTo("2024-12-31T04:00:00+0000");
        assertThat(CiTimeFormat.format(NOON_BEIJING.plusNanos(999_999_999))).isEqualTo("2024-12-31T12:00:00+0800");
        assertThat(CiTimeFormat.format(null)).isNull();
    }

    @Test
    void formatThenParseIsTheIdentityAtSecondResolution() {
        OffsetDateTime time = OffsetDateTime.of(1999, 1, 2, 3, 4, 5, 0, ZoneOffset.ofHoursMinutes(-9, -30));
        assertParsed(CiTimeFormat.format(time), time);
        assertThat(CiTimeFormat.format(CiTimeFormat.parse("1999-01-02T03:04:05-0930"))).isEqualTo("1999-01-02T03:04:05-0930");
    }

    @Test
    void theFastPathForTheApiNotationAgreesWithTheFormatter() {
        // the API notation is read by hand; this pins it to what the general formatter reads
        java.util.Random random = new java.util.Random(7);
        for (int i = 0; i < 5_000; i++) {
            OffsetDateTime time = OffsetDateTime.of(1 + random.nextInt(9998), 1 + random.nextInt(12),
                    1 + random.nextInt(28), random.nextInt(24), random.nextInt(60), random.nextInt(60), 0,
                    ZoneOffset.ofTotalSeconds((random.nextInt(18 * 4 * 2 + 1) - 18 * 4) * 15 * 60));
            String text = CiTimeFormat.format(time);
            assertParsed(text, java.time.format.DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ssxx").parse(text,
                    OffsetDateTime::from));
            assertParsed(text, time);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = { "2023-02-29T12:00:00+0800", "2024-13-01T12:00:00+0800", "2024-12-31T12:60:00+0800",
            "2024-12-31T12:00:00+1900", "2024-12-31T12:00:00+08a0", "2024-12-31T12:00:0x+0800" })
    void theFastPathLeavesImpossibleValuesToTheFormattersMessage(String text) {
        assertThatThrownBy(() -> CiTimeFormat.parse(text))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'" + text + "'");
    }

    @Test
    void isoViewAlwaysHasSeconds() {
        // OffsetDateTime.toString() would give "2024-12-31T12:00+08:00"
        assertThat(CiTimeFormat.formatIso(NOON_BEIJING)).isEqualTo("2024-12-31T12:00:00+08:00");
    }
}
