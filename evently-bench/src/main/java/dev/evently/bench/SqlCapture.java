package dev.evently.bench;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.evently.system.Fixtures;

/**
 * The SQL the application really sends, with its parameters, read from the embedded PostgreSQL's own log: while a
 * capture is on, the server logs every statement (log_statement = all, set with ALTER SYSTEM and a reload, so the
 * application's pooled connections log too), each line prefixed with its backend and application name. Only the
 * sessions named "evently" (the application's ApplicationName) are kept, cut into transactions at BEGIN and
 * COMMIT/ROLLBACK, in the order the server logged them. The capture's lines are then taken out of the log again.
 */
final class SqlCapture implements AutoCloseable {

    /** One statement as the server executed it: its text with $n placeholders, and the values bound to them. */
    record Sql(String text, List<String> parameters) {
    }

    /** What one session did between BEGIN and COMMIT (or one statement outside a transaction); positions in the log. */
    record Transaction(long begin, long end, List<Sql> statements) {
    }

    private static final String MARK = "EVCAP|";
    private static final Pattern RECORD = Pattern.compile("^EVCAP\\|(\\d+)\\|([^|]*)\\|([A-Z]+):  (.*)$",
            Pattern.DOTALL);
    private static final Pattern EXECUTE = Pattern.compile("^(?:execute [^:]+|statement): (.*)$", Pattern.DOTALL);

    /** "Parameters: " since PostgreSQL 13, "parameters: " before. */
    private static final String PARAMETERS = "parameters: ";

    private final Path log;
    private long offset = -1;

    private SqlCapture(Path log) {
        this.log = log;
    }

    /**
     * A capture of the embedded PostgreSQL whose log is at the given path, or the reason none is possible: the
     * statements are logged by the server, which a configured PostgreSQL we may not reconfigure (or whose log we
     * cannot read) does not allow.
     */
    static Object possible(String logPath) {
        if (logPath == null || logPath.isBlank() || !Files.isReadable(Path.of(logPath))) {
            return "the fair ceiling needs the embedded PostgreSQL (its log is read): not measured";
        }
        try (Connection connection = Fixtures.connect(); Statement statement = connection.createStatement();
             ResultSet superuser = statement.executeQuery(
                     "select rolsuper from pg_roles where rolname = current_user")) {
            if (!superuser.next() || !superuser.getBoolean(1)) {
                return "the fair ceiling needs to turn statement logging on (a superuser): not measured";
            }
        } catch (SQLException e) {
            return "the fair ceiling could not reach PostgreSQL (" + e.getMessage() + "): not measured";
        }
        SqlCapture capture = new SqlCapture(Path.of(logPath));
        capture.logging(false);  // a bench that died during a capture left it on
        return capture;
    }

    /** Every statement of every session is logged from now on (each backend takes the reload at its next command). */
    void start() throws IOException {
        offset = Files.size(log);
        logging(true);
    }

    /** Logging off again; the application's transactions since {@link #start}, and the log without them. */
    List<Transaction> stop() throws IOException {
        logging(false);
        List<String> records = records();
        List<Transaction> transactions = transactions(records);
        forget(records);
        return transactions;
    }

    @Override
    public void close() {
        logging(false);
    }

    private void logging(boolean on) {
        try (Connection connection = Fixtures.connect(); Statement statement = connection.createStatement()) {
            if (on) {
                statement.execute("alter system set log_line_prefix = '" + MARK + "%p|%a|'");
                statement.execute("alter system set log_statement = 'all'");
            } else {
                statement.execute("alter system reset log_statement");
                statement.execute("alter system reset log_line_prefix");
            }
            statement.execute("select pg_reload_conf()");
        } catch (SQLException e) {
            throw new IllegalStateException("turning statement logging " + (on ? "on" : "off") + " failed", e);
        }
    }

    /** The log's records since the start: a record's continuation lines begin with a tab. */
    private List<String> records() throws IOException {
        List<String> records = new ArrayList<>();
        StringBuilder current = null;
        for (String line : tail().split("\n", -1)) {
            if (line.startsWith("\t") && current != null) {
                current.append('\n').append(line, 1, line.length());
                continue;
            }
            if (current != null) {
                records.add(current.toString());
            }
            current = new StringBuilder(line);
        }
        if (current != null && !current.isEmpty()) {
            records.add(current.toString());
        }
        return records;
    }

    private String tail() throws IOException {
        try (RandomAccessFile file = new RandomAccessFile(log.toFile(), "r")) {
            byte[] bytes = new byte[(int) Math.max(0, file.length() - offset)];
            file.seek(offset);
            file.readFully(bytes);
            return new String(bytes, StandardCharsets.UTF_8);
        }
    }

    /** The application's statements, session by session, cut into transactions in the order they began. */
    static List<Transaction> transactions(List<String> records) {
        Map<String, List<Sql>> open = new HashMap<>();
        Map<String, Long> began = new HashMap<>();
        List<Transaction> transactions = new ArrayList<>();
        Sql last = null;
        for (int position = 0; position < records.size(); position++) {
            Matcher record = RECORD.matcher(records.get(position));
            if (!record.matches() || !"evently".equals(record.group(2))) {
                last = null;
                continue;
            }
            String session = record.group(1);
            if (record.group(3).equals("DETAIL") && last != null
                    && record.group(4).regionMatches(true, 0, PARAMETERS, 0, PARAMETERS.length())) {
                last.parameters().addAll(parameters(record.group(4).substring(PARAMETERS.length())));
                continue;
            }
            last = null;
            Matcher execute = EXECUTE.matcher(record.group(4));
            if (!record.group(3).equals("LOG") || !execute.matches()
                    || record.group(4).startsWith("execute fetch from")) {
                continue;
            }
            Sql sql = new Sql(execute.group(1), new ArrayList<>());
            last = sql;
            String verb = sql.text().strip().toUpperCase(java.util.Locale.ROOT);
            List<Sql> transaction = open.get(session);
            if (verb.equals("BEGIN") || verb.startsWith("START TRANSACTION")) {
                open.put(session, transaction = new ArrayList<>());
                began.put(session, (long) position);
                transaction.add(sql);
            } else if (transaction == null) {
                transactions.add(new Transaction(position, position, List.of(sql)));
            } else {
                transaction.add(sql);
                if (verb.equals("COMMIT") || verb.equals("ROLLBACK") || verb.startsWith("END")) {
                    transactions.add(new Transaction(began.remove(session), position, transaction));
                    open.remove(session);
                }
            }
        }
        // cut off by the end of the capture: replayed, then rolled back
        open.forEach((session, statements) -> {
            statements.add(new Sql("ROLLBACK", new ArrayList<>()));
            transactions.add(new Transaction(began.get(session), Long.MAX_VALUE, statements));
        });
        transactions.sort(java.util.Comparator.comparingLong(Transaction::begin));
        return transactions;
    }

    /**
     * Each distinct statement of the capture with how often it was sent per confirmed booking, most frequent first,
     * written to a file: where the round trips of a booking go.
     */
    static void writeShapes(List<Transaction> transactions, long bookings, Path file) throws IOException {
        Map<String, Long> counts = new HashMap<>();
        for (Transaction transaction : transactions) {
            for (Sql sql : transaction.statements()) {
                counts.merge(sql.text().replaceAll("\\s+", " ").strip(), 1L, Long::sum);
            }
        }
        StringBuilder out = new StringBuilder(String.format(java.util.Locale.ROOT,
                "# %,d transactions, %,d statements for %,d confirmed bookings; per booking, each statement:%n",
                transactions.size(), counts.values().stream().mapToLong(Long::longValue).sum(), bookings));
        counts.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .forEach(e -> out.append(String.format(java.util.Locale.ROOT, "%8.2f  %s%n",
                        e.getValue() / (double) Math.max(1, bookings), e.getKey())));
        Files.writeString(file, out);
    }

    /** "$1 = '5', $2 = NULL, $3 = 'it''s'" as its values in order (null for NULL). */
    static List<String> parameters(String detail) {
        List<String> values = new ArrayList<>();
        int i = 0;
        while (i < detail.length()) {
            int equals = detail.indexOf(" = ", i);
            if (equals < 0) {
                break;
            }
            i = equals + 3;
            if (detail.startsWith("NULL", i)) {
                values.add(null);
                i += 4;
            } else if (detail.charAt(i) == '\'') {
                StringBuilder value = new StringBuilder();
                i++;
                while (i < detail.length()) {
                    char c = detail.charAt(i);
                    if (c == '\'' && i + 1 < detail.length() && detail.charAt(i + 1) == '\'') {
                        value.append('\'');
                        i += 2;
                    } else if (c == '\'') {
                        i++;
                        break;
                    } else {
                        value.append(c);
                        i++;
                    }
                }
                values.add(value.toString());
            } else {
                throw new IllegalArgumentException("unreadable parameters at " + i + ": " + detail);
            }
            if (detail.startsWith(", ", i)) {
                i += 2;
            }
        }
        return values;
    }

    /**
     * The log as it was, plus what else the server logged meanwhile: the statements and their parameters are
     * hundreds of megabytes nobody reads. The server appends (O_APPEND), so cutting the file back is safe.
     */
    private void forget(List<String> records) throws IOException {
        StringBuilder kept = new StringBuilder();
        int removed = 0;
        boolean lastWasStatement = false;
        for (String record : records) {
            Matcher m = RECORD.matcher(record);
            boolean statement = m.matches() && ((m.group(3).equals("LOG") && EXECUTE.matcher(m.group(4)).matches())
                    || (m.group(3).equals("DETAIL") && lastWasStatement));
            lastWasStatement = statement && m.group(3).equals("LOG");
            if (statement) {
                removed++;
            } else if (!record.isEmpty()) {
                kept.append(record.replace("\n", "\n\t")).append('\n');
            }
        }
        kept.append(String.format("evently bench: %d statement records of a SQL capture were taken out of this log%n",
                removed));
        try (RandomAccessFile file = new RandomAccessFile(log.toFile(), "rw")) {
            file.setLength(offset);
            file.seek(offset);
            file.write(kept.toString().getBytes(StandardCharsets.UTF_8));
        }
    }
}
