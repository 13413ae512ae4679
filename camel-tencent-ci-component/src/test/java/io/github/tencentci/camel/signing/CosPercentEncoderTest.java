package io.github.tencentci.camel.signing;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CosPercentEncoderTest {

    private static final String UNRESERVED = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.~";

    @Test
    void unreservedTextIsReturnedAsIs() {
        assertThat(CosPercentEncoder.encode(UNRESERVED)).isSameAs(UNRESERVED);
        assertThat(CosPercentEncoder.encode("")).isEmpty();
    }

    @ParameterizedTest(name = "[{0}] -> {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
            "\" \"                      | %20",
            "+                          | %2B",
            ",                          | %2C",
            ":                          | %3A",
            "/                          | %2F",
            "=                          | %3D",
            "&                          | %26",
            "%                          | %25",
            "*                          | %2A",
            "?                          | %3F",
            "2022-02-25T12:00:00+0800   | 2022-02-25T12%3A00%3A00%2B0800",
            "Running,Success            | Running%2CSuccess",
            "demo job                   | demo%20job",
            "tmpTOKEN/abc+=             | tmpTOKEN%2Fabc%2B%3D",
            "uin=\"100000000011\"       | uin%3D%22100000000011%22",
            "é                          | %C3%A9",
            "腾讯云                      | %E8%85%BE%E8%AE%AF%E4%BA%91",
            "a😀b                       | a%F0%9F%98%80b",
    })
    void escapesEverythingElseAsUtf8WithUpperCaseHex(String decoded, String encoded) {
        assertThat(CosPercentEncoder.encode(decoded)).isEqualTo(encoded);
    }

    @Test
    void everyAsciiCharacterIsEscapedUnlessUnreserved() {
        for (char c = 0; c < 128; c++) {
            String encoded = CosPercentEncoder.encode(String.valueOf(c));
            if (UNRESERVED.indexOf(c) >= 0) {
                assertThat(encoded).isEqualTo(String.valueOf(c));
            } else {
                assertThat(encoded).isEqualTo(String.format("%%%02X", (int) c));
            }
        }
    }

    @Test
    void agreesWithUrlEncoderOnceItsFormQuirksAreUndone() {
        // URLEncoder is form encoding: space as '+', '*' kept, '~' escaped; with those undone it is RFC 3986
        StringBuilder all = new StringBuilder();
        for (int cp = 0; cp < 0x3000; cp++) {
            if (!Character.isSurrogate((char) cp)) {
                all.appendCodePoint(cp);
            }
        }
        all.appendCodePoint(0x1F600);
        String text = all.toString();

        String expected = URLEncoder.encode(text, StandardCharsets.UTF_8)
                .replace("+", "%20").replace("*", "%2A").replace("%7E", "~");

        assertThat(CosPercentEncoder.encode(text)).isEqualTo(expected);
    }
}
