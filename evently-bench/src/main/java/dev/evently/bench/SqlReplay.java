package dev.evently.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

import dev.evently.bench.SqlCapture.Sql;
import dev.evently.bench.SqlCapture.Transaction;
import dev.evently.system.Fixtures;

/**
 * The fair ceiling of booking: the SQL a sale really sent ({@link SqlCapture}), every statement with its values,
 * replayed over JDBC from as many connections as the sale had buyers, with no HTTP and no application around it.
 * It runs in a copy of the database taken just before the sale (schema {@value #SCHEMA}: every table with its data,
 * indexes, checks and foreign keys), so the rows the sale touched are there as they were. A transaction starts only
 * once every transaction that had committed before it began in the sale has committed in the replay: what each one
 * saw, it sees again, while everything the sale ran at once may run at once.
 */
final class SqlReplay {

    static final String SCHEMA = "bench_replay";

    final Series transactions = new Series("replayed transaction");
    final LongAdder statements = new LongAdder();
    final LongAdder failed = new LongAdder();
    final int workers;
    private final List<String> firstErrors = new ArrayList<>();
    private double seconds;

    SqlReplay(int workers) {
        this.workers = workers;
    }

    double seconds() {
        return Math.max(0.001, seconds);
    }

    List<String> firstErrors() {
        synchronized (firstErrors) {
            return List.copyOf(firstErrors);
        }
    }

    /** The copy of every table of the public schema, taken while the server is idle. */
    static void copyDatabase() throws SQLException {
        try (Connection connection = Fixtures.connect(); Statement sql = connection.createStatement()) {
            sql.execute("drop schema if exists " + SCHEMA + " cascade");
            sql.execute("create schema " + SCHEMA);
            List<String> tables = new ArrayList<>();
            try (ResultSet rows = sql.executeQuery("select tablename from pg_tables where schemaname = 'public'")) {
                while (rows.next()) {
                    tables.add(rows.getString(1));
                }
            }
            for (String table : tables) {
                String columns = columns(connection, table);
                sql.execute("create table " + SCHEMA + "." + table + " (like public." + table + " including all)");
                sql.execute("insert into " + SCHEMA + "." + table + " (" + columns + ") overriding system value select "
                        + columns + " from public." + table);
            }
            List<String> foreignKeys = new ArrayList<>();
            try (ResultSet rows = sql.executeQuery("""
                    select conrelid::regclass::text, conname, pg_get_constraintdef(oid) from pg_constraint
                    where contype = 'f' and connamespace = 'public'::regnamespace""")) {
                while (rows.next()) {
                    foreignKeys.add("alter table " + rows.getString(1) + " add constraint " + rows.getString(2) + " "
                            + rows.getString(3));
                }
            }
            sql.execute("set search_path = " + SCHEMA);  // the keys' tables, unqualified, are the copies
            for (String key : foreignKeys) {
                sql.execute(key);
            }
            // vacuumed and analysed now, as the live tables are by autovacuum: not by autovacuum during the replay
            for (String table : tables) {
                sql.execute("vacuum (analyze) " + SCHEMA + "." + table);
            }
        }
    }

    static void dropCopy() throws SQLException {
        try (Connection connection = Fixtures.connect(); Statement sql = connection.createStatement()) {
            sql.execute("drop schema if exists " + SCHEMA + " cascade");
        }
    }

    private static String columns(Connection connection, String table) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("""
                select string_agg(quote_ident(attname), ', ' order by attnum) from pg_attribute
                where attrelid = ('public.' || quote_ident(?))::regclass and attnum > 0 and not attisdropped
                  and attgenerated = ''""")) {
            query.setString(1, table);
            try (ResultSet row = query.executeQuery()) {
                row.next();
                return row.getString(1);
            }
        }
    }

    /** Replays the transactions (in the order they began) and measures how long the database takes for them all. */
    SqlReplay run(List<Transaction> captured) throws Exception {
        Transaction[] queue = captured.toArray(Transaction[]::new);
        long[] ends = captured.stream().mapToLong(Transaction::end).sorted().toArray();
        Causality causality = new Causality(ends);
        AtomicInteger next = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(workers);
        List<Connection> connections = new ArrayList<>();
        try {
            for (int i = 0; i < workers; i++) {
                Connection connection = Fixtures.connect();
                try (Statement sql = connection.createStatement()) {
                    // as the application's pool connects: lock waits end after 3 s
                    sql.execute("set search_path = " + SCHEMA + ", public");
                    sql.execute("set lock_timeout = 3000");
                }
                connections.add(connection);
            }
            long began = System.currentTimeMillis();
            List<Future<?>> done = new ArrayList<>();
            for (Connection connection : connections) {
                done.add(pool.submit(() -> {
                    Map<String, PreparedStatement> prepared = new HashMap<>();
                    for (int i = next.getAndIncrement(); i < queue.length; i = next.getAndIncrement()) {
                        Transaction transaction = queue[i];
                        causality.awaitCommitsBefore(transaction.begin());
                        long start = System.currentTimeMillis();
                        boolean ok = replay(connection, prepared, transaction);
                        transactions.record(start - began, System.currentTimeMillis() - start, ok ? 200 : 500);
                        causality.ended(transaction.end());
                    }
                    return null;
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
            seconds = (System.currentTimeMillis() - began) / 1000.0;
        } finally {
            pool.shutdownNow();
            for (Connection connection : connections) {
                connection.close();
            }
        }
        return this;
    }

    private boolean replay(Connection connection, Map<String, PreparedStatement> prepared, Transaction transaction) {
        for (Sql sql : transaction.statements()) {
            try {
                statements.increment();
                execute(connection, prepared, sql);
            } catch (SQLException e) {
                failed.increment();
                synchronized (firstErrors) {
                    if (firstErrors.size() < 5) {
                        firstErrors.add(e.getMessage() + " [" + abbreviate(sql.text()) + "]");
                    }
                }
                try (Statement rollback = connection.createStatement()) {
                    rollback.execute("rollback");  // outside a transaction only a warning
                } catch (SQLException ignored) {
                    // the connection is gone: the next statement says so
                }
                return false;
            }
        }
        return true;
    }

    private static void execute(Connection connection, Map<String, PreparedStatement> prepared, Sql sql)
            throws SQLException {
        Jdbc jdbc = Jdbc.of(sql);
        PreparedStatement statement = prepared.get(jdbc.text());
        if (statement == null) {
            statement = connection.prepareStatement(jdbc.text());
            prepared.put(jdbc.text(), statement);
        }
        for (int i = 0; i < jdbc.values().size(); i++) {
            String value = jdbc.values().get(i);
            if (value == null) {
                statement.setNull(i + 1, Types.OTHER);
            } else {
                statement.setObject(i + 1, value, Types.OTHER);  // typed by the server, as the logged text was
            }
        }
        statement.execute();
    }

    private static String abbreviate(String text) {
        String flat = text.replaceAll("\\s+", " ");
        return flat.length() > 120 ? flat.substring(0, 120) + "…" : flat;
    }

    /** A logged statement as JDBC takes it: each $n (outside quotes) a ?, with its value in that place. */
    record Jdbc(String text, List<String> values) {

        static Jdbc of(Sql sql) {
            StringBuilder text = new StringBuilder();
            List<String> values = new ArrayList<>();
            String s = sql.text();
            boolean quoted = false;
            for (int i = 0; i < s.length(); i++) {
                char c = s.charAt(i);
                if (c == '\'') {
                    quoted = !quoted;
                    text.append(c);
                } else if (!quoted && c == '$' && i + 1 < s.length() && Character.isDigit(s.charAt(i + 1))) {
                    int j = i + 1;
                    while (j < s.length() && Character.isDigit(s.charAt(j))) {
                        j++;
                    }
                    values.add(sql.parameters().get(Integer.parseInt(s.substring(i + 1, j)) - 1));
                    text.append('?');
                    i = j - 1;
                } else if (!quoted && c == '?') {
                    text.append("??");  // an operator (jsonb), not a placeholder
                } else {
                    text.append(c);
                }
            }
            return new Jdbc(text.toString(), values);
        }
    }

    /**
     * Which transactions of the sale had committed when another began: the ends, in log order, and how many of
     * them (counted from the first) have ended in the replay.
     */
    static final class Causality {

        private final long[] ends;
        private final boolean[] ended;
        private int prefix;

        Causality(long[] sortedEnds) {
            this.ends = sortedEnds;
            this.ended = new boolean[sortedEnds.length];
        }

        synchronized void awaitCommitsBefore(long begin) throws InterruptedException {
            int before = Arrays.binarySearch(ends, begin);
            int needed = before >= 0 ? before : -before - 1;
            while (prefix < needed) {
                wait();
            }
        }

        synchronized void ended(long end) {
            int i = Arrays.binarySearch(ends, end);
            while (i > 0 && ends[i - 1] == end) {
                i--;
            }
            while (ended[i]) {
                i++;  // equal ends (the cut-off ones): the next free place
            }
            ended[i] = true;
            while (prefix < ended.length && ended[prefix]) {
                prefix++;
            }
            notifyAll();
        }
    }
}
