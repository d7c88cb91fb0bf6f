package dev.evently.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.IntPredicate;

import dev.evently.system.Fixtures.Audit;

/**
 * The bench's findings: a table on the terminal and target/bench/report.html with the same table and, per
 * phase, throughput and latency over time; the ratios application / ceiling come last.
 */
final class Report {

    private static final IntPredicate ANY = st -> true;
    private static final IntPredicate SERVER_ERROR = st -> st >= 500 || st == 0;

    /** One line of the table. */
    record Row(String scenario, String concurrency, String throughput, long conflicts, long errors, Series.Summary latency,
               String notes) {
    }

    /** One chart: a series' requests per second and latency per second. */
    record Chart(String title, Series series, long startMillis) {
    }

    private final String baseUrl;
    private final Path results;
    private final List<Row> rows = new ArrayList<>();
    private final List<Chart> charts = new ArrayList<>();
    private final List<String> checks = new ArrayList<>();
    private final List<String> ratios = new ArrayList<>();
    private final List<String> cpu = new ArrayList<>();
    private Double capacityBookings;
    private Double fairCeilingBookings;
    private Double databaseLimit;
    private Double appSeatMap;
    private Double staticSeatMap;
    private long rss = -1;
    private Double capacityCpu;
    private double capacityRefusedPerBooking;
    private BookingSteps steps;

    Report(String baseUrl, Path results) {
        this.baseUrl = baseUrl;
        this.results = results;
    }

    void flashSale(FlashSale sale, Audit audit, long deadlocks, CpuMeter.Used used) {
        double seconds = sale.seconds();
        long errors = sale.holds.count(SERVER_ERROR) + sale.payments.count(SERVER_ERROR) + sale.maps.count(SERVER_ERROR);
        long conflicts = sale.holds.count(st -> st == 409);
        Series.Summary holds = sale.holds.summary(ANY, seconds);
        Series.Summary payments = sale.payments.summary(st -> st == 200 || st == 201, seconds);
        Series.Summary maps = sale.maps.summary(ANY, seconds);
        String soldOut = sale.soldOut.get() ? String.format(Locale.ROOT, "sold out in %.1f s", seconds)
                : String.format(Locale.ROOT, "NOT sold out in %.0f s (%d of %d seats)", seconds, sale.seatsSold.sum(), sale.seats);
        rows.add(new Row("flash-sale " + sale.shape + ": hold", String.valueOf(sale.buyers.size()),
                String.format(Locale.ROOT, "%.0f attempts/s", holds.perSecond()), conflicts, errors, holds,
                soldOut));
        rows.add(new Row("flash-sale " + sale.shape + ": booked", String.valueOf(sale.buyers.size()),
                String.format(Locale.ROOT, "%.0f bookings/s, %.0f seats/s", sale.bookings.sum() / seconds,
                        sale.seatsSold.sum() / seconds),
                sale.payments.count(st -> st == 409), 0, payments,
                String.format(Locale.ROOT, "checkout latency; sold twice %d, deadlocks %d%s", audit.seatsSoldTwice(),
                        deadlocks, audit.violations().isEmpty() ? "" : ", AUDIT FAILED")));
        rows.add(new Row("flash-sale " + sale.shape + ": seat map", String.valueOf(sale.buyers.size()),
                String.format(Locale.ROOT, "%.0f reads/s", maps.perSecond()),
                0, 0, maps, sale.maps.count(st -> st == 304) + " of " + maps.count() + " answered 304"));
        audit.violations().forEach(v -> checks.add("FAIL audit of the " + sale.shape + " sale: " + v));
        check(audit.seatsSoldTwice() == 0 && audit.violations().isEmpty(), sale.shape + ": no seat sold twice, "
                + "seats, bookings, tickets and money agree (SQL audits)");
        check(errors == 0, sale.shape + ": zero 5xx (" + errors + ")");
        check(deadlocks == 0, sale.shape + ": zero deadlocks in pg_stat_database (" + deadlocks + ")");
        if (sale.shape.equals("capacity")) {
            capacityBookings = sale.bookings.sum() / seconds;
            capacityCpu = used.serverMillisPer(sale.bookings.sum());
            capacityRefusedPerBooking = conflicts / (double) Math.max(1, sale.bookings.sum());
        } else {
            check(holds.p99() < 250, sale.shape + ": p99 booking latency under 250 ms (" + holds.p99() + " ms)");
        }
        long confirmed = sale.bookings.sum();
        cpu.add(String.format(Locale.ROOT, "%-22s server %6.2f ms per confirmed booking, asynchronous work included"
                        + " (%.0f s from the start until it settled, %.2f cores on average; JIT compilation %.2f ms of"
                        + " it); bench %.2f ms per booking",
                sale.shape + " sale:", used.serverMillisPer(confirmed), used.wallSeconds(), used.serverCores(),
                used.jitMillisPer(confirmed), used.benchMillisPer(confirmed)));
        check(used.serverMillisPer(confirmed) <= 5, String.format(Locale.ROOT, "%s: server CPU per confirmed booking"
                + " <= 5 ms (%.2f ms)", sale.shape, used.serverMillisPer(confirmed)));
        charts.add(new Chart("flash-sale " + sale.shape + ": holds", sale.holds, sale.startedAt));
        charts.add(new Chart("flash-sale " + sale.shape + ": payments", sale.payments, sale.startedAt));
    }

    void ceiling(SqlCeiling ceiling, List<Audit> audits) {
        double seconds = ceiling.seconds();
        Series.Summary summary = ceiling.bookings.summary(st -> st == 200, seconds);
        long soldTwice = audits.stream().mapToLong(Audit::seatsSoldTwice).sum();
        rows.add(new Row("database limit: 1 statement/booking", String.valueOf(ceiling.workers),
                String.format(Locale.ROOT, "%.0f bookings/s, %.0f seats/s", summary.perSecond(),
                        ceiling.seatsSold.sum() / seconds),
                ceiling.bookings.count(st -> st == 409), 0, summary,
                String.format(Locale.ROOT, "%d events, %.1f s measured; sold twice %d", ceiling.events.size(), seconds,
                        soldTwice)));
        databaseLimit = summary.perSecond();
        charts.add(new Chart("database limit: one raw SQL statement per booking", ceiling.bookings, 0));
    }

    /**
     * The fair ceiling: the capacity sale's own SQL replayed ({@link SqlReplay}); its bookings/s are the sale's
     * confirmed bookings over the replay's time. The seats the replay booked show how faithful it was.
     */
    void fairCeiling(SqlReplay replay, long bookings, long seatsSold, long seatsReplayed) {
        double seconds = replay.seconds();
        Series.Summary summary = replay.transactions.summary(ANY, seconds);
        long failed = replay.transactions.count(st -> st != 200);
        rows.add(new Row("fair ceiling: the sale's SQL", String.valueOf(replay.workers),
                String.format(Locale.ROOT, "%.0f bookings/s, %.0f tx/s", bookings / seconds, summary.perSecond()),
                0, failed, summary, String.format(Locale.ROOT, "%,d transactions, %,d statements in %.1f s (%.1f and"
                                + " %.1f per booking); seats booked %d of the sale's %d", summary.count(),
                        replay.statements.sum(), seconds, summary.count() / (double) Math.max(1, bookings),
                        replay.statements.sum() / (double) Math.max(1, bookings), seatsReplayed, seatsSold)));
        replay.firstErrors().forEach(e -> System.out.println("    replay error: " + e));
        fairCeilingBookings = bookings / seconds;
        check(seatsReplayed == seatsSold, "fair ceiling: the replay booked the seats the sale booked (" + seatsReplayed
                + " of " + seatsSold + ")");
        charts.add(new Chart("fair ceiling: the capacity sale's transactions replayed over JDBC", replay.transactions,
                0));
    }

    /** The steps of a booking one by one on a warm server, and what one booking's own steps add up to. */
    void bookingSteps(BookingSteps steps) {
        this.steps = steps;
        steps.steps.forEach(step -> {
            CpuMeter.Used used = step.used();
            cpu.add(String.format(Locale.ROOT, "%-40s server %6.2f ms per request, asynchronous work included (%.2f"
                            + " cores; JIT compilation %.2f ms of it); bench %.2f ms", "booking step, " + step.name() + ":",
                    used.serverMillisPer(step.requests()), used.serverCores(), used.jitMillisPer(step.requests()),
                    used.benchMillisPer(step.requests())));
            check(step.unexpected() == 0, "booking steps, " + step.name() + ": every answer as expected ("
                    + step.unexpected() + " of " + step.requests() + " not)");
        });
        long bookings = steps.bookings();
        cpu.add(String.format(Locale.ROOT, "%-40s server %6.2f ms: hold, checkout and payment, asynchronous work"
                + " included", "booking steps, one booking:", steps.bookingMillis()));
        check(steps.confirmed == bookings, "booking steps: every booking confirmed (" + steps.confirmed + " of "
                + bookings + ")");
    }

    void fairCeilingMissing(String why) {
        checks.add("SKIP " + why);
    }

    void browse(Browse browse, java.util.function.Function<Browse.Phase, CpuMeter.Used> usedBy) {
        for (Browse.Phase phase : browse.phases) {
            Series s = phase.series();
            double seconds = phase.duration().toMillis() / 1000.0;
            Series.Summary summary = s.summary(st -> st == 200, seconds);
            CpuMeter.Used used = usedBy.apply(phase);
            cpu.add(String.format(Locale.ROOT, "%-22s server %6.3f ms per request (%.2f cores; JIT compilation"
                            + " %.3f ms of it); bench %.3f ms per request", "browse " + phase.name() + ":",
                    used.serverMillisPer(s.count(ANY)), used.serverCores(), used.jitMillisPer(s.count(ANY)),
                    used.benchMillisPer(s.count(ANY))));
            rows.add(new Row("browse: " + phase.name(), String.valueOf(phase.clients()),
                    String.format(Locale.ROOT, "%.0f requests/s", summary.perSecond()), 0,
                    s.count(st -> st != 200), summary, phase.path()));
            charts.add(new Chart("browse: " + phase.name(), s, s.firstStart()));
            switch (phase.name()) {
                case "seat map" -> appSeatMap = summary.perSecond();
                case "seat map static" -> staticSeatMap = summary.perSecond();
                case "event list" -> check(summary.p99() < 50, "browse: event list p99 under 50 ms at "
                        + phase.clients() + " clients (" + summary.p99() + " ms)");
                default -> {
                }
            }
            check(s.count(st -> st != 200) == 0, "browse " + phase.name() + ": every answer 200");
        }
    }

    void stadium(Stadium stadium, long mapBytes, long rss, long startedAt) {
        Series.Summary stale = stadium.staleness.summary(ANY, 1);
        double perMinute = stadium.bytesPerWatcherPerMinute();
        double share = perMinute / mapBytes;
        rows.add(new Row("stadium: watchers' staleness", String.valueOf(stadium.watchers),
                String.format(Locale.ROOT, "%d connected, %d dropped", stadium.connected(), stadium.dropped()), 0,
                0, stale, String.format(Locale.ROOT, "%,.0f bytes per watcher per minute = %.2f%% of the %,d-byte map;"
                        + " %d snapshot events; staleness on %d watchers", perMinute, share * 100, mapBytes,
                        stadium.snapshots(), stadium.sampled)));
        check(stale.count() > 0 && stale.p99() <= 1000, "stadium: watchers' staleness p99 <= 1 s (" + stale.p99()
                + " ms over " + stale.count() + " sightings)");
        check(share < 0.01, String.format(Locale.ROOT, "stadium: a watcher receives under 1%% of the map's bytes per"
                + " minute (%.2f%%)", share * 100));
        check(stadium.dropped() == 0, "stadium: every watcher stayed connected (" + stadium.dropped() + " dropped)");
        check(rss > 0 && rss < 1536L * 1024 * 1024, String.format(Locale.ROOT, "stadium: server RSS with the watchers"
                + " connected under 1.5 GiB (%.0f MiB)", rss / 1048576.0));
        charts.add(new Chart("stadium: staleness (a hold's answer to a watcher seeing it)", stadium.staleness,
                startedAt));
    }

    void serverMemory(long bytes) {
        rss = bytes;
        check(bytes > 0 && bytes < 1536L * 1024 * 1024,
                String.format(Locale.ROOT, "server RSS after the bench under 1.5 GiB (%.0f MiB)", bytes / 1048576.0));
    }

    void finish(Duration took) throws IOException {
        if (capacityBookings != null && fairCeilingBookings != null) {
            double ratio = capacityBookings / fairCeilingBookings;
            ratios.add(String.format(Locale.ROOT, "booking:  application %.0f bookings/s / fair ceiling (its own SQL"
                    + " replayed) %.0f bookings/s = %.2f (target >= 0.50)", capacityBookings, fairCeilingBookings, ratio));
            check(ratio >= 0.5, "capacity: bookings/s >= 0.5 x the fair ceiling");
        }
        if (capacityBookings != null && databaseLimit != null) {
            ratios.add(String.format(Locale.ROOT, "booking:  application %.0f bookings/s / database limit (one statement"
                            + " per booking) %.0f bookings/s = %.2f", capacityBookings, databaseLimit,
                    capacityBookings / databaseLimit));
        }
        if (appSeatMap != null && staticSeatMap != null) {
            double ratio = appSeatMap / staticSeatMap;
            ratios.add(String.format(Locale.ROOT, "seat map: application %.0f requests/s / static file %.0f "
                    + "requests/s = %.2f (target >= 0.50)", appSeatMap, staticSeatMap, ratio));
            check(ratio >= 0.5, "browse: cached seat map >= 0.5 x static-file ceiling");
        }
        if (capacityCpu != null && steps != null) {
            double fromSteps = steps.bookingMillis() + capacityRefusedPerBooking * steps.refusedHoldMillis();
            ratios.add(String.format(Locale.ROOT, "CPU:      the capacity sale's %.2f ms per booking = its steps"
                            + " (%.1f refused holds, a hold, a checkout, a payment) %.2f ms + %.2f ms of seat-map reads,"
                            + " contention and a colder JIT", capacityCpu, capacityRefusedPerBooking, fromSteps,
                    capacityCpu - fromSteps));
        }
        String table = table();
        Path html = results.resolve("report.html");
        Files.writeString(html, html(table, took));
        System.out.println();
        System.out.println(table);
        checks.forEach(c -> System.out.println("  " + c));
        System.out.printf("%n  server RSS %s; bench took %d s; report %s%n%n",
                rss > 0 ? String.format(Locale.ROOT, "%.0f MiB", rss / 1048576.0) : "unknown", took.toSeconds(),
                html.toAbsolutePath());
        System.out.println("  CPU time (from /proc: the server's process; the bench's own, which shares the machine):");
        cpu.forEach(c -> System.out.println("  " + c));
        System.out.println();
        ratios.forEach(r -> System.out.println("  " + r));
    }

    private void check(boolean ok, String what) {
        checks.add((ok ? "PASS " : "FAIL ") + what);
    }

    private String table() {
        String format = "%-32s %5s %-30s %9s %5s %6s %6s %6s %6s  %s%n";
        StringBuilder out = new StringBuilder(String.format(Locale.ROOT, format, "scenario", "conc.", "throughput",
                "conflicts", "5xx", "p50", "p95", "p99", "max", "notes"));
        for (Row row : rows) {
            Series.Summary l = row.latency();
            out.append(String.format(Locale.ROOT, format, row.scenario(), row.concurrency(), row.throughput(),
                    row.conflicts(), row.errors(), l.p50() + "ms", l.p95() + "ms", l.p99() + "ms", l.max() + "ms",
                    row.notes()));
        }
        return out.toString();
    }

    private String html(String table, Duration took) {
        StringBuilder body = new StringBuilder();
        body.append("<h1>Evently benchmark</h1><p>").append(esc(baseUrl)).append(", ").append(Instant.now())
                .append(", ").append(took.toSeconds()).append(" s, ")
                .append(Runtime.getRuntime().availableProcessors()).append(" cores</p>");
        body.append("<pre>").append(esc(table)).append("</pre><ul>");
        checks.forEach(c -> body.append("<li class='").append(c.startsWith("PASS") ? "pass" : "fail").append("'>")
                .append(esc(c)).append("</li>"));
        body.append("</ul><pre>").append(esc(String.join("\n", cpu))).append("</pre>");
        body.append("<pre>").append(esc(String.join("\n", ratios))).append("</pre>");
        body.append("<p>Gatling's own reports for each run are in <code>gatling/</code> beside this file.</p>");
        for (Chart chart : charts) {
            List<Series.Second> seconds = chart.series().perSecond(chart.startMillis());
            body.append("<h2>").append(esc(chart.title())).append("</h2><div class='row'>")
                    .append(svg("requests per second", seconds, List.of(Series.Second::count), List.of("#1f77b4")))
                    .append(svg("latency per second (ms): p50, p99", seconds,
                            List.of(Series.Second::p50, Series.Second::p99), List.of("#2ca02c", "#d62728")))
                    .append("</div>");
        }
        return "<!doctype html><html><head><meta charset='utf-8'><title>Evently benchmark</title><style>"
                + "body{font-family:sans-serif;margin:2em}pre{background:#f6f6f6;padding:1em;overflow:auto}"
                + ".pass{color:#216e21}.fail{color:#b00020;font-weight:bold}.row{display:flex;gap:2em}"
                + "svg{background:#fcfcfc;border:1px solid #ddd}</style></head><body>" + body + "</body></html>";
    }

    private static String svg(String title, List<Series.Second> seconds,
                              List<java.util.function.ToLongFunction<Series.Second>> lines, List<String> colours) {
        int w = 560;
        int h = 220;
        int left = 50;
        int bottom = 25;
        long max = 1;
        for (Series.Second s : seconds) {
            for (var line : lines) {
                max = Math.max(max, line.applyAsLong(s));
            }
        }
        int n = Math.max(1, seconds.size() - 1);
        StringBuilder svg = new StringBuilder("<svg width='" + w + "' height='" + h + "'><text x='" + left
                + "' y='14' font-size='12'>" + esc(title) + "</text>");
        svg.append("<text x='4' y='30' font-size='10'>").append(max).append("</text>")
                .append("<text x='4' y='").append(h - bottom).append("' font-size='10'>0</text>")
                .append("<text x='").append(w - 60).append("' y='").append(h - 6).append("' font-size='10'>")
                .append(seconds.size()).append(" s</text>");
        for (int l = 0; l < lines.size(); l++) {
            StringBuilder points = new StringBuilder();
            for (int i = 0; i < seconds.size(); i++) {
                double x = left + (double) i / n * (w - left - 10);
                double y = (h - bottom) - (double) lines.get(l).applyAsLong(seconds.get(i)) / max * (h - bottom - 25);
                points.append(String.format(Locale.ROOT, "%.1f,%.1f ", x, y));
            }
            svg.append("<polyline fill='none' stroke-width='1.5' stroke='").append(colours.get(l)).append("' points='")
                    .append(points).append("'/>");
        }
        return svg.append("</svg>").toString();
    }

    private static String esc(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
