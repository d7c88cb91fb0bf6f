package dev.evently.paymentsimulator;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The optional append-only state file: one JSON object per line, each a change ({@code op}). Every line is
 * flushed as it is written, so a {@code kill -9} loses at most the line being written, which replay skips.
 * On start the file is read, then rewritten to just the current state, so it never grows without bound.
 * Without a file every method does nothing.
 */
final class Journal implements AutoCloseable {

    private final Path file;
    private final Consumer<String> log;
    private BufferedWriter writer;
    private boolean closed;

    Journal(Path file, Consumer<String> log) {
        this.file = file;
        this.log = log;
    }

    /** Hands each change recorded so far to {@code apply}, oldest first; returns how many there were. */
    int replay(Consumer<Map<String, Object>> apply) {
        if (file == null || !Files.exists(file)) {
            return 0;
        }
        // decoded leniently: a line torn inside a multi-byte character must not make the whole file unreadable
        try (BufferedReader in = new BufferedReader(new InputStreamReader(Files.newInputStream(file), StandardCharsets.UTF_8))) {
            int number = 0;
            int replayed = 0;
            for (String text; (text = in.readLine()) != null; ) {
                number++;
                if (text.isBlank()) {
                    continue;
                }
                try {
                    apply.accept(Json.parseObject(text));
                    replayed++;
                } catch (RuntimeException e) {
                    log.accept("state file " + file + ": skipping unreadable line " + number + " (" + e + ")");
                }
            }
            return replayed;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the state file " + file, e);
        }
    }

    /** A journal line: alternating names and values, in that order. */
    static Map<String, Object> line(Object... namesAndValues) {
        Map<String, Object> line = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            line.put((String) namesAndValues[i], namesAndValues[i + 1]);
        }
        return line;
    }

    /** Replaces the file with {@code lines} (atomically, via a temporary file) and opens it for appending. */
    synchronized void rewrite(List<Map<String, Object>> lines) {
        if (file == null) {
            return;
        }
        try {
            Path dir = file.toAbsolutePath().getParent();
            Files.createDirectories(dir);
            Path temporary = Files.createTempFile(dir, file.getFileName().toString(), ".tmp");
            try (BufferedWriter out = Files.newBufferedWriter(temporary, StandardCharsets.UTF_8)) {
                for (Map<String, Object> line : lines) {
                    out.write(Json.write(line));
                    out.write('\n');
                }
            }
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the state file " + file, e);
        }
    }

    synchronized void append(Map<String, Object> line) {
        if (writer == null || closed) {
            return;
        }
        try {
            writer.write(Json.write(line));
            writer.write('\n');
            writer.flush();
        } catch (IOException e) {
            // keep serving: the simulator is still useful in memory, and the log says what was lost
            log.accept("state file " + file + ": cannot append (" + e.getMessage() + ")");
        }
    }

    @Override
    public synchronized void close() {
        closed = true;
        if (writer != null) {
            try {
                writer.close();
            } catch (IOException e) {
                log.accept("state file " + file + ": cannot close (" + e.getMessage() + ")");
            }
        }
    }
}
