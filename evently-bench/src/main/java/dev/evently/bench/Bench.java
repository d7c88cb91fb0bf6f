package dev.evently.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import dev.evently.system.Fixtures;
import dev.evently.system.Fixtures.Buyer;

/**
 * ./evently bench: the flash sale in two shapes, the raw-SQL ceiling of its booking work, browsing and the
 * static-file ceiling of the seat map, all against the running stack in one run; then the SQL audit, the
 * deadlock count, the server's memory and the report. Settings are system properties (see README).
 */
public final class Bench {

    static final String BASE_URL = System.getProperty("evently.base-url", "http://127.0.0.1:8080");
    static final Path RESULTS = Path.of(System.getProperty("bench.results", "target/bench"));
    /** What the load's reads accept, as a browser does; {@code identity} measures the uncompressed answers. */
    static final String ACCEPT_ENCODING = System.getProperty("bench.accept-encoding", "gzip, deflate");

    private static final int CAPACITY_BUYERS = Integer.getInteger("bench.capacity.buyers", 64);
    private static final int RUSH_BUYERS = Integer.getInteger("bench.rush.buyers", 200);
    private static final Duration THINK = Duration.parse(System.getProperty("bench.rush.think", "PT1S"));
    private static final Duration SALE_LIMIT = Duration.parse(System.getProperty("bench.sale.limit", "PT90S"));
    private static final Duration MAP_REFRESH = Duration.parse(System.getProperty("bench.sale.map-refresh", "PT1S"));
    /** Whether the sales' buyers follow the seat changes, as a buyer's page does; false: they only read the map. */
    private static final boolean FOLLOW = Boolean.parseBoolean(System.getProperty("bench.sale.follow", "true"));
    private static final int BROWSE_CLIENTS = Integer.getInteger("bench.browse.clients", 100);
    private static final Duration BROWSE_TIME = Duration.parse(System.getProperty("bench.browse.duration", "PT15S"));
    private static final double CEILING_SECONDS = Double.parseDouble(System.getProperty("bench.ceiling.seconds", "10"));
    private static final String SCENARIOS = System.getProperty("bench.scenarios",
            "capacity,ceiling,steps,browse,rush,stadium");
    private static final int STADIUM_WATCHERS = Integer.getInteger("bench.stadium.watchers", 2000);
    private static final int STADIUM_BUYERS = Integer.getInteger("bench.stadium.buyers", 200);
    private static final Duration STADIUM_LIMIT = Duration.parse(System.getProperty("bench.stadium.limit", "PT120S"));
    /** Watchers whose staleness is measured (every watcher's bytes are counted). */
    private static final int STADIUM_SAMPLED = 100;
    /** The embedded PostgreSQL's log, where the fair ceiling's capture reads the application's statements. */
    private static final String POSTGRES_LOG = System.getProperty("bench.postgres-log");
    private static final Duration WARM_UP = Duration.parse(System.getProperty("bench.warm-up", "PT60S"));
    private static final Duration SETTLE = Duration.parse(System.getProperty("bench.settle", "PT120S"));
    /** The server counts as idle below this share of one core. */
    private static final double IDLE_CPU = 0.15;
    private static final int STEP_BOOKINGS = 800;
    private static final int STEP_CLIENTS = 4;
    /** 850 seats, for the booking steps. */
    static final List<Object[]> STEPS_LAYOUT = List.<Object[]>of(new Object[] {"Stalls", 17, 50, 5_000});

    /** 5,000 seats; the dearest sections are the ones everybody wants. */
    static final List<Object[]> SALE_LAYOUT = List.of(
            new Object[] {"Front", 10, 50, 15_000}, new Object[] {"Stalls", 30, 50, 9_000},
            new Object[] {"Circle", 30, 50, 6_000}, new Object[] {"Balcony", 30, 50, 3_500});
    /** 10,000 seats, for the seat map under browsing. */
    static final List<Object[]> BROWSE_LAYOUT = List.of(
            new Object[] {"Front", 20, 50, 15_000}, new Object[] {"Stalls", 60, 50, 9_000},
            new Object[] {"Circle", 60, 50, 6_000}, new Object[] {"Balcony", 60, 50, 3_500});

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private Bench() {
    }

    /**
     * Runs the bench and ends the JVM: a thread a library leaves running (Gatling has left a scheduler behind)
     * must not keep the command waiting after the report.
     */
    public static void main(String[] args) {
        int status = 1;
        try {
            run();
            status = 0;
        } catch (Exception | Error e) {
            e.printStackTrace();  // an Error too: System.exit below would end the JVM before anyone printed it
        } finally {
            System.out.flush();
            System.exit(status);
        }
    }

    private static void run() throws Exception {
        Files.createDirectories(RESULTS);
        Report report = new Report(BASE_URL, RESULTS);
        String pid;
        try {
            pid = serverPid();
        } catch (IOException e) {
            pid = "unknown";  // a server elsewhere: its CPU is not measured (NaN)
        }
        try (CpuMeter cpu = new CpuMeter(pid)) {
            run(report, cpu);
        }
    }

    private static void run(Report report, CpuMeter cpu) throws Exception {
        Instant began = Instant.now();
        step("Preparing: %d buyers, events of 5,000 and 10,000 seats", Math.max(CAPACITY_BUYERS, RUSH_BUYERS));
        List<Buyer> buyers = Fixtures.buyers(Math.max(CAPACITY_BUYERS, Math.max(RUSH_BUYERS, STADIUM_BUYERS)));
        if (!WARM_UP.isZero()) {
            warmUp(buyers.subList(0, CAPACITY_BUYERS));
        }
        long deadlocksBefore = Fixtures.deadlocks();

        if (SCENARIOS.contains("capacity")) {
            settle();
            long eventId = Fixtures.publishedEvent("Bench flash sale (capacity)", SALE_LAYOUT);
            Object capture = SCENARIOS.contains("ceiling") ? SqlCapture.possible(POSTGRES_LOG) : "no ceiling asked";
            if (capture instanceof SqlCapture c) {
                step("Capture: a copy of the database for the fair ceiling, then every statement the application sends"
                        + " during the capacity sale");
                SqlReplay.copyDatabase();
                c.start();
            }
            FlashSale capacity;
            long deadlocks;
            CpuMeter.Used used;
            List<SqlCapture.Transaction> captured;
            try {
                capacity = flashSale("capacity", buyers.subList(0, CAPACITY_BUYERS), Duration.ZERO, SALE_LIMIT,
                        eventId);
                deadlocks = Fixtures.deadlocksAfter(Instant.ofEpochMilli(capacity.finishedAt)) - deadlocksBefore;
                used = workOf(capacity, cpu);
                captured = capture instanceof SqlCapture c ? c.stop() : null;
            } finally {
                if (capture instanceof SqlCapture c) {
                    c.close();  // logging off, also when the sale failed
                }
            }
            report.flashSale(capacity, Fixtures.audit(capacity.eventId, true), deadlocks, used);
            if (SCENARIOS.contains("ceiling")) {
                fairCeiling(report, capacity, captured, capture);
                step("Database limit: the booking work as ONE raw SQL statement per booking, %d connections",
                        CAPACITY_BUYERS);
                settle();
                SqlCeiling ceiling = new SqlCeiling(CAPACITY_BUYERS, capacity.eventId,
                        buyers.stream().map(Buyer::id).toList()).run(CEILING_SECONDS, 20);
                report.ceiling(ceiling, ceiling.events.stream().map(id -> Fixtures.audit(id, false)).toList());
            }
        }
        if (SCENARIOS.contains("steps")) {
            bookingSteps(report, cpu);
        }
        if (SCENARIOS.contains("browse")) {
            settle();
            Browse browse = browse();
            report.browse(browse, phase -> cpu.between(phase.series().firstStart(),
                    phase.series().firstStart() + phase.duration().toMillis()));
        }
        if (SCENARIOS.contains("rush")) {
            settle();
            long before = Fixtures.deadlocks();
            FlashSale rush = flashSale("rush", buyers.subList(0, RUSH_BUYERS), THINK);
            long deadlocks = Fixtures.deadlocksAfter(Instant.ofEpochMilli(rush.finishedAt)) - before;
            report.flashSale(rush, Fixtures.audit(rush.eventId, true), deadlocks, workOf(rush, cpu));
        }
        if (SCENARIOS.contains("stadium")) {
            settle();
            stadium(report, cpu, buyers.subList(0, STADIUM_BUYERS));
        }
        report.serverMemory(serverRss());
        report.finish(Duration.between(began, Instant.now()));
    }

    /**
     * A server just started runs interpreted code until its JIT has seen enough calls: a short sale and a few
     * seconds of each read first, measured by nobody, so that the figures are of the steady state.
     */
    private static void warmUp(List<Buyer> buyers) throws Exception {
        step("Warm-up (not measured): a sale for %d s, then %d s of each read", WARM_UP.toSeconds(),
                WARM_UP.toSeconds() / 4);
        FlashSale sale = flashSale("warm-up", buyers, Duration.ZERO, WARM_UP);
        Duration each = WARM_UP.dividedBy(4);
        String event = "/api/events/" + sale.eventId;
        List<Browse.Phase> phases = List.of(
                new Browse.Phase("warm-up list", "/api/events", BROWSE_CLIENTS, each, new Series("warm-up list")),
                new Browse.Phase("warm-up details", event, BROWSE_CLIENTS, each, new Series("warm-up details")),
                new Browse.Phase("warm-up seat map", event + "/seats", BROWSE_CLIENTS, each,
                        new Series("warm-up seat map")));
        Browse.current = new Browse(BASE_URL, phases);
        gatling(BrowseSimulation.class, "warm-up reads");
    }

    /**
     * The CPU a sale used, from its start until the server has done what the sale set off (the outbox relayed,
     * mails, analytics and webhooks consumed: {@link #settle}), so that the asynchronous work is charged to it.
     */
    private static CpuMeter.Used workOf(FlashSale sale, CpuMeter cpu) throws InterruptedException {
        settle();
        return cpu.between(sale.startedAt, System.currentTimeMillis());
    }

    /**
     * The fair ceiling: the capacity sale's own SQL replayed at its concurrency in the copy taken before it
     * ({@link SqlReplay}); the copy is dropped after.
     */
    private static void fairCeiling(Report report, FlashSale sale, List<SqlCapture.Transaction> captured,
                                    Object capture) throws Exception {
        if (captured == null) {
            report.fairCeilingMissing((String) capture);
            return;
        }
        step("Fair ceiling: the capacity sale's %,d transactions (%,d statements) replayed over JDBC, %d connections,"
                        + " no HTTP", captured.size(), captured.stream().mapToLong(t -> t.statements().size()).sum(),
                CAPACITY_BUYERS);
        Path shapes = RESULTS.resolve("captured-sql.txt");
        SqlCapture.writeShapes(captured, sale.bookings.sum(), shapes);
        System.out.println("    the statements per booking, most frequent first: " + shapes.toAbsolutePath());
        settle();
        try {
            SqlReplay replay = new SqlReplay(CAPACITY_BUYERS).run(captured);
            String booked = "select count(*) as n from %s.seats where event_id = ? and status = 'BOOKED'";
            long replayed = ((Number) Fixtures.row(String.format(booked, SqlReplay.SCHEMA), sale.eventId).get("n"))
                    .longValue();
            long sold = ((Number) Fixtures.row(String.format(booked, "public"), sale.eventId).get("n")).longValue();
            report.fairCeiling(replay, sale.bookings.sum(), sold, replayed);
        } finally {
            SqlReplay.dropCopy();
        }
    }

    /**
     * Each step of a booking on its own ({@link BookingSteps}): {@value #STEP_BOOKINGS} bookings of one seat each,
     * four seats per buyer (fewer than one person may hold unpaid).
     */
    private static void bookingSteps(Report report, CpuMeter cpu) throws Exception {
        long eventId = Fixtures.publishedEvent("Bench booking steps", STEPS_LAYOUT);
        List<Long> seats = SeatView.read(get("/api/events/" + eventId + "/seats")).sections().values().stream()
                .flatMap(List::stream).map(SeatView.Seat::id).sorted().limit(STEP_BOOKINGS + 1).toList();
        step("Booking steps: %d bookings of one seat on event %d, each step by all of them before the next, %d"
                + " clients, the server settled after each", seats.size() - 1, eventId, STEP_CLIENTS);
        settle();
        BookingSteps steps = new BookingSteps(BASE_URL, eventId, Fixtures.buyers(STEP_BOOKINGS / 4), STEP_CLIENTS)
                .run(seats, cpu, Bench::settle);
        report.bookingSteps(steps);
    }

    /**
     * A stadium on-sale: a 30,000-seat event, its watchers connected to the seat changes from one snapshot, then the
     * buyers (with think time) buy until it is sold out or the limit; the buyers read the map once and then follow
     * the changes (through one of the watchers), as a buyer's page would.
     */
    private static void stadium(Report report, CpuMeter cpu, List<Buyer> buyers) throws Exception {
        long eventId = Fixtures.publishedEvent("Bench stadium", Stadium.LAYOUT);
        byte[] map = get("/api/events/" + eventId + "/seats");
        step("Stadium: %d watchers follow the seat changes of event %d (30,000 seats, a %,d-byte map), %d buyers"
                        + " with think time ~%d ms, at most %d s", STADIUM_WATCHERS, eventId, map.length, buyers.size(),
                THINK.toMillis(), STADIUM_LIMIT.toSeconds());
        try (Stadium stadium = new Stadium(STADIUM_WATCHERS, STADIUM_SAMPLED)) {
            stadium.connect(BASE_URL, eventId, generation(map));
            System.out.printf("    %d watchers connected, %d refused or failed%n", stadium.connected(),
                    stadium.dropped());
            long before = Fixtures.deadlocks();
            FlashSale sale = new FlashSale("stadium", BASE_URL, eventId, Stadium.SEATS, buyers, THINK,
                    Duration.ofHours(1), STADIUM_LIMIT);
            sale.onHeld = stadium::held;
            sale.takenLive = stadium::taken;
            FlashSale.current = sale;
            stadium.startCounting();
            gatling(FlashSaleSimulation.class, "stadium");
            stadium.stopCounting();
            long rss = serverRss();
            long deadlocks = Fixtures.deadlocksAfter(Instant.ofEpochMilli(sale.finishedAt)) - before;
            CpuMeter.Used used = workOf(sale, cpu);
            report.flashSale(sale, Fixtures.audit(eventId, true), deadlocks, used);
            report.stadium(stadium, map.length, rss, sale.startedAt);
        }
    }

    private static FlashSale flashSale(String shape, List<Buyer> buyers, Duration think) throws Exception {
        return flashSale(shape, buyers, think, SALE_LIMIT);
    }

    private static FlashSale flashSale(String shape, List<Buyer> buyers, Duration think, Duration limit)
            throws Exception {
        return flashSale(shape, buyers, think, limit,
                Fixtures.publishedEvent("Bench flash sale (" + shape + ")", SALE_LAYOUT));
    }

    private static FlashSale flashSale(String shape, List<Buyer> buyers, Duration think, Duration limit, long eventId)
            throws Exception {
        step("Flash sale, %s: %d buyers%s on event %d (5,000 seats), at most %d s", shape, buyers.size(),
                think.isZero() ? " without think time" : ", think time ~" + think.toMillis() + " ms", eventId,
                limit.toSeconds());
        // a page that follows the changes never needs the whole map again
        FlashSale sale = new FlashSale(shape, BASE_URL, eventId, 5_000, buyers, think,
                FOLLOW ? Duration.ofHours(1) : MAP_REFRESH, limit);
        FlashSale.current = sale;
        if (!FOLLOW) {
            gatling(FlashSaleSimulation.class, "flash sale " + shape);
            return sale;
        }
        // every buyer's page follows the seat changes from the map as it stood at the start; the buyers' views
        // learn through one of those streams what the others took (the stadium's watchers do the same)
        try (Stadium pages = new Stadium(buyers.size(), 0)) {
            pages.connect(BASE_URL, eventId, generation(get("/api/events/" + eventId + "/seats")));
            sale.takenLive = pages::taken;
            gatling(FlashSaleSimulation.class, "flash sale " + shape);
        }
        return sale;
    }

    /** The generation a seat map was read at: its stream of changes starts there. */
    private static long generation(byte[] map) {
        java.util.regex.Matcher generation = java.util.regex.Pattern.compile("\"generation\":(\\d+)")
                .matcher(new String(map, 0, Math.min(map.length, 200), java.nio.charset.StandardCharsets.UTF_8));
        if (!generation.find()) {
            throw new IllegalStateException("the seat map gives no generation: is Redis away?");
        }
        return Long.parseLong(generation.group(1));
    }

    private static Browse browse() throws Exception {
        long eventId = Fixtures.publishedEvent("Bench browse", BROWSE_LAYOUT);
        String seatMap = "/api/events/" + eventId + "/seats";
        // the cache is warm, as it is for every browser after the first
        for (String path : List.of("/api/events", "/api/events/" + eventId, seatMap)) {
            get(path);
        }
        byte[] cached = get(seatMap);
        Path docroot = Path.of(System.getProperty("bench.docroot"));
        Path file = docroot.resolve("bench").resolve("seatmap-" + eventId + ".json");
        Files.createDirectories(file.getParent());
        Files.write(file, cached);
        String staticPath = "/bench/" + file.getFileName();
        if (!java.util.Arrays.equals(get(staticPath), cached)) {
            throw new IllegalStateException("the static copy of the seat map is not served as written: " + staticPath);
        }
        step("Browse: %d clients per phase, %d s each: event list, event details, %,d-byte seat map (cached), "
                + "the same bytes as a static file", BROWSE_CLIENTS, BROWSE_TIME.toSeconds(), cached.length);
        List<Browse.Phase> phases = new ArrayList<>();
        phases.add(new Browse.Phase("event list", "/api/events", BROWSE_CLIENTS, BROWSE_TIME, new Series("event list")));
        phases.add(new Browse.Phase("event details", "/api/events/" + eventId, BROWSE_CLIENTS, BROWSE_TIME,
                new Series("event details")));
        phases.add(new Browse.Phase("seat map", seatMap, BROWSE_CLIENTS, BROWSE_TIME, new Series("seat map")));
        phases.add(new Browse.Phase("seat map static", staticPath, BROWSE_CLIENTS, BROWSE_TIME,
                new Series("seat map static")));
        Browse browse = new Browse(BASE_URL, phases);
        Browse.current = browse;
        gatling(BrowseSimulation.class, "browse");
        return browse;
    }

    private static void gatling(Class<?> simulation, String description) {
        int status = io.gatling.app.Gatling$.MODULE$.fromArgs(new String[] {
                "-s", simulation.getName(), "-rf", RESULTS.resolve("gatling").toString(), "-rd", description});
        if (status != 0) {
            System.out.println("    (Gatling reported status " + status + ": some requests failed their checks)");
        }
    }

    private static byte[] get(String path) throws IOException, InterruptedException {
        HttpResponse<byte[]> response = HTTP.send(HttpRequest.newBuilder(URI.create(BASE_URL + path)).GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("GET " + path + ": " + response.statusCode());
        }
        return response.body();
    }

    /**
     * Waits (up to bench.settle) until what the last scenario set off is done: the outbox relayed and the
     * server idle, its consumers through the mails and analytics of the sales. Otherwise that backlog takes
     * the CPU from whatever is measured next, the raw-SQL ceiling included.
     */
    private static void settle() throws InterruptedException {
        long deadline = System.nanoTime() + SETTLE.toNanos();
        long lastReport = 0;
        long ticks = serverCpuTicks();
        long at = System.nanoTime();
        while (true) {
            Thread.sleep(1000);
            long nowTicks = serverCpuTicks();
            long now = System.nanoTime();
            double cores = ticks < 0 || nowTicks < 0 ? 0
                    : (nowTicks - ticks) / (double) CpuMeter.TICKS_PER_SECOND / ((now - at) / 1e9);
            ticks = nowTicks;
            at = now;
            long outbox = ((Number) Fixtures.row("select count(*) as n from outbox where published_at is null")
                    .get("n")).longValue();
            if (outbox == 0 && cores < IDLE_CPU) {
                return;
            }
            if (now - deadline > 0) {
                System.out.printf("    the server did not settle within %d s (%d messages in the outbox, %.0f%% CPU);"
                        + " measuring anyway%n", SETTLE.toSeconds(), outbox, cores * 100);
                return;
            }
            if (now - lastReport > 5_000_000_000L) {
                System.out.printf("    waiting for the server to settle: %d messages in the outbox, %.0f%% CPU%n",
                        outbox, cores * 100);
                lastReport = now;
            }
        }
    }

    /** CPU time the server process has used, in ticks, from /proc; -1 when unknown. */
    private static long serverCpuTicks() {
        try {
            return CpuMeter.ticks(Path.of("/proc", serverPid(), "stat"));
        } catch (IOException e) {
            return -1;
        }
    }

    private static String serverPid() throws IOException {
        return Files.readString(Path.of(System.getProperty("bench.server-pid-file"))).strip();
    }

    /** Resident memory of the server process, from /proc; -1 when unknown. */
    private static long serverRss() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", serverPid(), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
                }
            }
        } catch (IOException | RuntimeException e) {
            System.out.println("    server memory unknown: " + e);
        }
        return -1;
    }

    static void step(String format, Object... args) {
        System.out.printf("%n==> " + format + "%n", args);
    }
}
