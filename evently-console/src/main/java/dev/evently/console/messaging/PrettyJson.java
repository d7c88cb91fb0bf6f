package dev.evently.console.messaging;

/**
 * A message body laid out for reading: JSON indented two spaces a level, one member a line; anything that does not
 * start like JSON is shown as it came. It only re-spaces the text (strings are copied untouched, escapes and all),
 * so a body cut short or not quite JSON still reads, just less tidily. The page escapes the result like any text.
 * Indentation stops deepening after {@value #DEEPEST} levels, so a body of nothing but brackets cannot grow
 * into megabytes of spaces.
 */
final class PrettyJson {

    static final int DEEPEST = 16;

    private PrettyJson() {
    }

    static String of(String body) {
        if (body == null) {
            return "";
        }
        String text = body.strip();
        if (!text.startsWith("{") && !text.startsWith("[")) {
            return body;
        }
        StringBuilder out = new StringBuilder(text.length() * 2);
        int depth = 0;
        boolean inString = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (inString) {
                out.append(c);
                if (c == '\\' && i + 1 < text.length()) {
                    out.append(text.charAt(++i));
                } else if (c == '"') {
                    inString = false;
                }
                continue;
            }
            switch (c) {
                case '"' -> {
                    inString = true;
                    out.append(c);
                }
                case '{', '[' -> {
                    out.append(c);
                    if (closes(text, i + 1, c == '{' ? '}' : ']')) {
                        continue;
                    }
                    depth++;
                    newLine(out, depth);
                }
                case '}', ']' -> {
                    if (!endsWithOpening(out)) {
                        depth = Math.max(0, depth - 1);
                        newLine(out, depth);
                    }
                    out.append(c);
                }
                case ',' -> {
                    out.append(c);
                    newLine(out, depth);
                }
                case ':' -> out.append(": ");
                case ' ', '\t', '\n', '\r' -> {
                    // layout is ours
                }
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    /** Whether the next character that is not blank closes the bracket just opened: {@code {}} stays on one line. */
    private static boolean closes(String text, int from, char closing) {
        for (int i = from; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!Character.isWhitespace(c)) {
                return c == closing;
            }
        }
        return false;
    }

    private static boolean endsWithOpening(StringBuilder out) {
        char last = out.isEmpty() ? ' ' : out.charAt(out.length() - 1);
        return last == '{' || last == '[';
    }

    private static void newLine(StringBuilder out, int depth) {
        out.append('\n').append("  ".repeat(Math.min(depth, DEEPEST)));
    }
}
