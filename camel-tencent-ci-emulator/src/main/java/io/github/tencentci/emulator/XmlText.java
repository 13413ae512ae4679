package io.github.tencentci.emulator;

/**
 * Escapes text for XML 1.0 element content ({@code & < >}; quotes need no escaping there). Characters XML 1.0 cannot carry at all (most C0 controls) become U+FFFD,
 * so whatever a test puts into a job the emulator still answers with a well-formed document.
 */
final class XmlText {

    private XmlText() {
    }

    static String escape(String text) {
        StringBuilder sb = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            String replacement = switch (c) {
                case '&' -> "&amp;";
                case '<' -> "&lt;";
                case '>' -> "&gt;";
                default -> c < 0x20 && c != '\t' && c != '\n' && c != '\r' || c == 0xFFFE || c == 0xFFFF ? "\uFFFD" : null;
            };
            if (replacement != null && sb == null) {
                sb = new StringBuilder(text.length() + 16).append(text, 0, i);
            }
            if (sb != null) {
                if (replacement != null) {
                    sb.append(replacement);
                } else {
                    sb.append(c);
                }
            }
        }
        return sb == null ? text : sb.toString();
    }

    /** Appends {@code <name>value</name>} (or {@code <name/>} for an empty value); nothing when value is null. */
    static void element(StringBuilder out, String name, Object value) {
        if (value == null) {
            return;
        }
        String text = value.toString();
        if (text.isEmpty()) {
            out.append('<').append(name).append("/>\n");
        } else {
            out.append('<').append(name).append('>').append(escape(text)).append("</").append(name).append(">\n");
        }
    }
}
