package dev.evently.paymentsimulator;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * At-least-once webhook delivery. Each delivery belongs to a lane (normally its payment) and a lane sends
 * one delivery at a time, in creation order, retrying its head until a 2xx; lanes run in parallel on a small
 * pool, so a slow or failing receiver for one payment holds up only that payment. Every delivery and its
 * outcome is journaled, so undelivered ones survive a restart.
 */
final class Webhooks {

    private static final long FIRST_BACKOFF_MS = 500;
    private static final long MAX_BACKOFF_MS = 30_000;
    private static final Duration GIVE_UP_AFTER = Duration.ofHours(24);
    /** Providers deliver in parallel: a receiver that answers slowly under load must not queue every report. */
    private static final int SENDERS = 16;
    /** Finished deliveries remembered for the listing; the oldest are forgotten first. */
    private static final int REMEMBERED = 1000;

    private final Journal journal;
    private final Consumer<String> log;
    private final ScheduledExecutorService timer;
    private final ExecutorService senders;
    private final WebhookPost post;

    private final Map<String, ArrayDeque<Delivery>> lanes = new HashMap<>();
    /** Not yet delivered or abandoned, in creation order. */
    private final LinkedHashMap<String, Delivery> unfinished = new LinkedHashMap<>();
    private final ArrayDeque<Delivery> recent = new ArrayDeque<>();
    private final AtomicLong delivered = new AtomicLong();
    private final AtomicLong abandoned = new AtomicLong();
    private final AtomicLong attempts = new AtomicLong();
    private final AtomicLong failedAttempts = new AtomicLong();
    private volatile boolean stopped;

    /** {@code target} null: webhooks are off, nothing is published. */
    Webhooks(URI target, byte[] secret, Journal journal, ScheduledExecutorService timer, Consumer<String> log) {
        this.journal = journal;
        this.timer = timer;
        this.log = log;
        this.senders = Executors.newFixedThreadPool(SENDERS, Threads.daemon("paysim-webhook"));
        this.post = target == null ? null : new WebhookPost(target, secret);
    }

    boolean enabled() {
        return post != null;
    }

    /**
     * Sends {@code event} (which has an {@code "id"}) {@code 1 + duplicates} times, the first attempt no
     * sooner than {@code delayMs} from now.
     */
    void publish(Map<String, Object> event, int duplicates, long delayMs) {
        if (!enabled()) {
            return;
        }
        String body = Json.write(event);
        String eventId = String.valueOf(event.get("id"));
        String type = event.get("type") instanceof String s ? s : null;
        String paymentId = event.get("paymentId") instanceof String s ? s : null;
        Instant now = Instant.now();
        // a held-back event leaves its payment's lane: being overtaken is the point of holding it back
        String lane = delayMs > 0 ? "held:" + eventId : paymentId != null ? "payment:" + paymentId : "event:" + eventId;
        long holdUntil = delayMs > 0 ? now.toEpochMilli() + delayMs : 0;
        for (int copy = 0; copy <= duplicates; copy++) {
            Delivery delivery = new Delivery(Ids.next("dlv_"), eventId, type, paymentId, lane, body, now, holdUntil);
            synchronized (this) {
                // journaled under the lock, so the journal's order is the lanes' order after a restart
                journal.append(delivery.toJournal());
                unfinished.put(delivery.deliveryId, delivery);
                remember(delivery);
            }
            schedule(delivery);
        }
    }

    /** Replays one journal line (before {@link #resume}). */
    synchronized void apply(Map<String, Object> line) {
        switch (String.valueOf(line.get("op"))) {
            case "webhook" -> {
                Delivery delivery = Delivery.fromJournal(line);
                unfinished.put(delivery.deliveryId, delivery);
            }
            case "delivered", "abandoned" -> unfinished.remove((String) line.get("delivery"));
            default -> {
            }
        }
    }

    /** Starts sending what the journal says is still undelivered. */
    void resume() {
        List<Delivery> pending;
        synchronized (this) {
            pending = new ArrayList<>(unfinished.values());
            pending.forEach(this::remember);
        }
        if (!pending.isEmpty()) {
            log.accept("resuming " + pending.size() + " undelivered webhook(s)"
                    + (enabled() ? "" : ", but no webhook URL is set: they wait"));
        }
        if (enabled()) {
            pending.forEach(this::schedule);
        }
    }

    synchronized List<Map<String, Object>> pendingLines() {
        return unfinished.values().stream().map(Delivery::toJournal).toList();
    }

    synchronized List<Map<String, Object>> recent(int limit) {
        List<Map<String, Object>> newestFirst = new ArrayList<>();
        Iterator<Delivery> it = recent.descendingIterator();
        while (it.hasNext() && newestFirst.size() < limit) {
            newestFirst.add(it.next().toJson());
        }
        return newestFirst;
    }

    synchronized Map<String, Object> stats() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("pending", (long) unfinished.size());
        json.put("delivered", delivered.get());
        json.put("abandoned", abandoned.get());
        json.put("attempts", attempts.get());
        json.put("failedAttempts", failedAttempts.get());
        return json;
    }

    void stop() {
        stopped = true;
        senders.shutdownNow();
        try {
            senders.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void schedule(Delivery delivery) {
        long wait = delivery.holdUntil - System.currentTimeMillis();
        if (wait > 0) {
            later(() -> enqueue(delivery), wait);
        } else {
            enqueue(delivery);
        }
    }

    private synchronized void enqueue(Delivery delivery) {
        ArrayDeque<Delivery> lane = lanes.computeIfAbsent(delivery.lane, k -> new ArrayDeque<>());
        lane.add(delivery);
        if (lane.size() == 1) {
            dispatch(() -> attempt(delivery.lane));
        }
    }

    private void attempt(String lane) {
        Delivery delivery;
        synchronized (this) {
            ArrayDeque<Delivery> queue = lanes.get(lane);
            delivery = queue == null ? null : queue.peek();
        }
        if (delivery == null || stopped) {
            return;
        }
        WebhookPost.Outcome outcome;
        try {
            outcome = post.send(delivery.body);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        int attempt = delivery.attempted(outcome.status(), outcome.error());
        attempts.incrementAndGet();
        String what = "webhook " + delivery.eventId + " " + delivery.type + " for " + delivery.paymentId;
        if (outcome.accepted()) {
            log.accept(what + ": delivered, " + outcome + " (attempt " + attempt + ")");
            finish(delivery, true);
            return;
        }
        failedAttempts.incrementAndGet();
        if (Duration.between(delivery.createdAt, Instant.now()).compareTo(GIVE_UP_AFTER) >= 0) {
            log.accept(what + ": " + outcome + " (attempt " + attempt + "), giving up after " + GIVE_UP_AFTER.toHours() + " h");
            finish(delivery, false);
            return;
        }
        long backoff = Math.min(MAX_BACKOFF_MS, FIRST_BACKOFF_MS << Math.min(attempt - 1, 16));
        log.accept(what + ": " + outcome + " (attempt " + attempt + "), retry in " + backoff + " ms");
        later(() -> dispatch(() -> attempt(lane)), backoff);
    }

    private void finish(Delivery delivery, boolean success) {
        synchronized (this) {
            delivery.finish(success);
            unfinished.remove(delivery.deliveryId);
            journal.append(Journal.line("op", success ? "delivered" : "abandoned", "delivery", delivery.deliveryId));
            (success ? delivered : abandoned).incrementAndGet();
            ArrayDeque<Delivery> queue = lanes.get(delivery.lane);
            queue.poll();
            if (queue.isEmpty()) {
                lanes.remove(delivery.lane);
            } else {
                dispatch(() -> attempt(delivery.lane));
            }
        }
    }

    private void remember(Delivery delivery) {
        recent.addLast(delivery);
        if (recent.size() > REMEMBERED) {
            recent.removeFirst();
        }
    }

    private void dispatch(Runnable task) {
        try {
            senders.execute(task);
        } catch (RejectedExecutionException stopping) {
            // stopped: what was not sent stays in the journal for the next start
        }
    }

    private void later(Runnable task, long delayMs) {
        try {
            timer.schedule(task, delayMs, TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException stopping) {
            // as above
        }
    }
}
