package io.github.tencentci.camel.signing;

import java.nio.charset.StandardCharsets;

/**
 * The percent-encoding of the COS/CI signature: UTF-8, everything but {@code A-Z a-z 0-9 - _ . ~} escaped, upper-case
 * hex. Unlike {@link java.net.URLEncoder} it escapes {@code *} and writes a space as {@code %20}; the same encoding
 * is used on the wire so that what is signed is exactly what is sent.
 */
public final class CosPercentEncoder {

    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private CosPercentEncoder() {
    }

    /**
     * Percent-encodes a decoded name or value.
     *
     * @param  value any text, not {@code null}
     * @return       the encoded text; {@code value} itself when nothing needs escaping
     */
    public static String encode(String value) {
        int length = value.length();
        int i = 0;
        while (i < length && isUnreserved(value.charAt(i))) {
            i++;
        }
        if (i == length) {
            return value; // the common case (names, sizes, states) allocates nothing
        }
        StringBuilder out = new StringBuilder(length + 16);
        out.append(value, 0, i);
        byte[] rest = value.substring(i).getBytes(StandardCharsets.UTF_8);
        for (byte b : rest) {
            char c = (char) (b & 0xFF);
            if (isUnreserved(c)) {
                out.append(c);
            } else {
                out.append('%').append(HEX[(b >> 4) & 0x0F]).append(HEX[b & 0x0F]);
            }
        }
        return out.toString();
    }

    static boolean isUnreserved(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
               || c == '-' || c == '_' || c == '.' || c == '~';
    }
}
