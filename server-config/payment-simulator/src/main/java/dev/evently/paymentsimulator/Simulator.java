package dev.evently.paymentsimulator;

import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/** One running simulator: the HTTP server and everything behind it. Tests start it on port 0. */
public final class Simulator implements AutoCloseable {

    static {
        // The JDK server writes headers and body separately; with Nagle's algorithm on, every answer then waits
        // ~40 ms for a delayed ACK. Read once, when the server classes load: set it before any HttpServer exists.
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
    }

    private final HttpServer server;
    private final ExecutorService requestThreads;
    private final ScheduledExecutorService timer;
    private final Webhooks webhooks;
    private final Journal journal;
    private final Consumer<String> log;
    private final String baseUrl;
    private boolean stopped;

    private Simulator(Config config, Consumer<String> log) throws IOException {
        this.log = log;
        // bind first: a taken port fails the start before the state file is touched
        server = HttpServer.create(new InetSocketAddress(InetAddress.getByName(config.host()), config.port()), 128);
        String host = config.host().contains(":") ? "[" + config.host() + "]" : config.host();
        baseUrl = "http://" + host + ":" + server.getAddress().getPort();
        String publicUrl = config.publicUrl() != null ? config.publicUrl() : baseUrl;

        journal = new Journal(config.stateFile(), log);
        timer = Executors.newSingleThreadScheduledExecutor(Threads.daemon("paysim-timer"));
        Ledger ledger = new Ledger(config.maxPayments(), journal, log);
        webhooks = new Webhooks(config.webhookUrl(), config.webhookSecret().getBytes(StandardCharsets.UTF_8),
                journal, timer, log);
        restore(config, ledger);

        Behaviour behaviour = new Behaviour();
        Decisions decisions = new Decisions(ledger, behaviour, webhooks, timer, log);
        Router router = new Router(config.apiKey(), log);
        new MerchantApi(ledger, decisions, publicUrl).routes(router);
        new TestApi(ledger, decisions, behaviour, webhooks, publicUrl).routes(router);
        new Checkout(ledger, decisions).routes(router);
        server.createContext("/", router);
        requestThreads = Executors.newFixedThreadPool(16, Threads.daemon("paysim-http"));
        server.setExecutor(requestThreads);
        server.start();

        webhooks.resume();
        decisions.resumePendingRefunds();
    }

    /** Starts a simulator; it is listening when this returns. */
    public static Simulator start(Config config, Consumer<String> log) throws IOException {
        return new Simulator(config, log);
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** {@code http://host:port}, as bound. */
    public String baseUrl() {
        return baseUrl;
    }

    /** Stops serving and sending; whatever is undelivered stays in the state file for the next start. */
    public synchronized void stop() {
        if (stopped) {
            return;
        }
        stopped = true;
        server.stop(0);
        // let requests in progress finish, so what they answered is also in the state file
        requestThreads.shutdown();
        try {
            requestThreads.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        webhooks.stop();
        timer.shutdownNow();
        journal.close();
        log.accept("payment simulator stopped");
    }

    @Override
    public void close() {
        stop();
    }

    /** Replays the state file, then rewrites it to just the current state so it never grows for ever. */
    private void restore(Config config, Ledger ledger) {
        int replayed = journal.replay(line -> {
            ledger.apply(line);
            webhooks.apply(line);
        });
        List<Map<String, Object>> current = new ArrayList<>(ledger.snapshot());
        current.addAll(webhooks.pendingLines());
        journal.rewrite(current);
        if (replayed > 0) {
            log.accept("state file " + config.stateFile() + ": " + replayed + " line(s) replayed, compacted to "
                    + current.size());
        }
    }
}
