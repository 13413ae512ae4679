package io.github.tencentci.emulator;

/** Escapes text for XML 1.0 element content, so whatever a test puts into a job stays a well-formed answer. */
final class XmlText {

    private XmlText() {
    }

    /** {@code & < >} escaped (quotes need none in content); characters XML 1.0 cannot carry become U+FFFD. */
    static String escape(String text) {
        StringBuilder sb = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> sb.append("&amp;");
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                default -> sb.append(c < 0x20 && c != '\t' && c != '\n' && c != '\r' || c == 0xFFFE || c == 0xFFFF ? '\uFFFD' : c);
            }
        }
        return sb.toString();
    }
}
