package dev.evently.paymentsimulator;

import java.math.BigDecimal;
import java.util.Map;

/**
 * Just enough JSON for this simulator, so that it needs nothing beyond the JDK. Objects read as
 * {@code LinkedHashMap} to keep field order (webhook bodies are signed byte for byte), integers as
 * {@link Long}, other numbers as {@link Double} (or {@link BigDecimal} when too large), arrays as lists.
 * Nested values are read too, so that unknown nested fields in a request can be ignored rather than refused.
 */
final class Json {

    private Json() {
    }

    /** Reads one JSON object; anything else, or trailing text, is an {@link IllegalArgumentException}. */
    static Map<String, Object> parseObject(String text) {
        return JsonReader.parseObject(text);
    }

    static String write(Object value) {
        StringBuilder out = new StringBuilder();
        write(value, out);
        return out.toString();
    }

    private static void write(Object value, StringBuilder out) {
        if (value == null) {
            out.append("null");
        } else if (value instanceof String s) {
            writeString(s, out);
        } else if (value instanceof Double d) {
            if (d.isNaN() || d.isInfinite()) {
                throw new IllegalArgumentException("not a JSON number: " + d);
            }
            out.append(d);
        } else if (value instanceof BigDecimal b) {
            out.append(b.toString());
        } else if (value instanceof Number || value instanceof Boolean) {
            out.append(value);
        } else if (value instanceof Map<?, ?> map) {
            out.append('{');
            boolean first = true;
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                if (!first) {
                    out.append(',');
                }
                first = false;
                writeString(String.valueOf(entry.getKey()), out);
                out.append(':');
                write(entry.getValue(), out);
            }
            out.append('}');
        } else if (value instanceof Iterable<?> items) {
            out.append('[');
            boolean first = true;
            for (Object item : items) {
                if (!first) {
                    out.append(',');
                }
                first = false;
                write(item, out);
            }
            out.append(']');
        } else {
            throw new IllegalArgumentException("cannot write " + value.getClass().getName() + " as JSON");
        }
    }

    private static void writeString(String s, StringBuilder out) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    // U+2028/2029 are valid JSON but break JavaScript string literals; escaping costs nothing
                    if (c < 0x20 || c == '\u2028' || c == '\u2029') {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }
}
