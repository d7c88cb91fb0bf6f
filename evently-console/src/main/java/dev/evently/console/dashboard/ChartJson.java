package dev.evently.console.dashboard;

/**
 * Just enough JSON for a Chart.js configuration. PrimeFaces writes the configuration into a script element as
 * it is, so besides JSON's own escapes the characters that could end the script or the page's markup
 * ({@code < > &}) and the line separators JavaScript treats as line ends are escaped too: a section named
 * {@code </script>} stays a label.
 */
final class ChartJson {

    private ChartJson() {
    }

    static String string(String text) {
        if (text == null) {
            return "null";
        }
        StringBuilder json = new StringBuilder(text.length() + 2).append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> json.append("\\\"");
                case '\\' -> json.append("\\\\");
                case '\n' -> json.append("\\n");
                case '\r' -> json.append("\\r");
                case '\t' -> json.append("\\t");
                default -> {
                    if (c < 0x20 || c == '<' || c == '>' || c == '&' || c == '\u2028' || c == '\u2029') {
                        json.append(String.format("\\u%04x", (int) c));
                    } else {
                        json.append(c);
                    }
                }
            }
        }
        return json.append('"').toString();
    }

    /** A JSON array of already-encoded values. */
    static String array(Iterable<String> encoded) {
        return "[" + String.join(",", encoded) + "]";
    }
}
