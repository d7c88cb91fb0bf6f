package dev.evently.catalog.control;

import java.util.Arrays;

/**
 * Compact JSON written straight into UTF-8 bytes, for bodies too large and too often rebuilt to go through
 * a generic generator, a String and an encoding pass: the seat map of a big venue during a rush. The caller
 * writes the structure (names, commas, brackets) as ASCII text; only string values need {@link #string}, and
 * pieces written before can be copied in as they are.
 */
final class JsonBytes {

    private static final byte[] HEX = "0123456789abcdef".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    private byte[] bytes;
    private int size;

    JsonBytes(int expectedSize) {
        bytes = new byte[Math.max(64, expectedSize)];
    }

    /** Text that needs no escaping: names, punctuation, enum constants. */
    JsonBytes ascii(String text) {
        ensure(text.length());
        for (int i = 0; i < text.length(); i++) {
            bytes[size++] = (byte) text.charAt(i);
        }
        return this;
    }

    JsonBytes number(long value) {
        return ascii(Long.toString(value));
    }

    /** A JSON string value, quoted and escaped, in UTF-8. */
    JsonBytes string(String value) {
        ensure(value.length() * 6 + 2);
        bytes[size++] = '"';
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '"' || c == '\\') {
                bytes[size++] = '\\';
                bytes[size++] = (byte) c;
            } else if (c < 0x20) {
                escapeControl(c);
            } else if (c < 0x80) {
                bytes[size++] = (byte) c;
            } else if (c < 0x800) {
                bytes[size++] = (byte) (0xC0 | (c >> 6));
                bytes[size++] = (byte) (0x80 | (c & 0x3F));
            } else if (Character.isHighSurrogate(c) && i + 1 < value.length()
                    && Character.isLowSurrogate(value.charAt(i + 1))) {
                int code = Character.toCodePoint(c, value.charAt(++i));
                bytes[size++] = (byte) (0xF0 | (code >> 18));
                bytes[size++] = (byte) (0x80 | ((code >> 12) & 0x3F));
                bytes[size++] = (byte) (0x80 | ((code >> 6) & 0x3F));
                bytes[size++] = (byte) (0x80 | (code & 0x3F));
            } else if (Character.isSurrogate(c)) {
                bytes[size++] = '?';  // a lone surrogate has no UTF-8 form, as String.getBytes would say
            } else {
                bytes[size++] = (byte) (0xE0 | (c >> 12));
                bytes[size++] = (byte) (0x80 | ((c >> 6) & 0x3F));
                bytes[size++] = (byte) (0x80 | (c & 0x3F));
            }
        }
        bytes[size++] = '"';
        return this;
    }

    /** Bytes that are JSON already: a piece written earlier. */
    JsonBytes bytes(byte[] json) {
        return bytes(json, 0, json.length);
    }

    JsonBytes bytes(byte[] json, int from, int length) {
        ensure(length);
        System.arraycopy(json, from, bytes, size, length);
        size += length;
        return this;
    }

    int size() {
        return size;
    }

    byte[] toBytes() {
        return Arrays.copyOf(bytes, size);
    }

    private void escapeControl(char c) {
        bytes[size++] = '\\';
        switch (c) {
            case '\n' -> bytes[size++] = 'n';
            case '\r' -> bytes[size++] = 'r';
            case '\t' -> bytes[size++] = 't';
            case '\b' -> bytes[size++] = 'b';
            case '\f' -> bytes[size++] = 'f';
            default -> {
                bytes[size++] = 'u';
                bytes[size++] = '0';
                bytes[size++] = '0';
                bytes[size++] = HEX[c >> 4];
                bytes[size++] = HEX[c & 0xF];
            }
        }
    }

    private void ensure(int more) {
        if (size + more > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, size + more));
        }
    }
}
