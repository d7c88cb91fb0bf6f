package dev.evently.webhook.boundary;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Logger;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.EJB;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import dev.evently.webhook.control.WebhookPost;
import dev.evently.webhook.control.WebhookPost.Outcome;
import dev.evently.webhook.control.WebhookStore.Claimed;
import dev.evently.webhook.control.WebhookUrls;

/**
 * Sends the recorded webhook deliveries, every second on every instance. Each endpoint has at most one delivery in
 * flight, the head of its pending ones (the one it has been sent already, else the oldest; see WebhookStore.claim),
 * so its events arrive in the order they were recorded (one booking's in the order
 * they happened); the next waits until that one is delivered or given up. Endpoints are served side by side, up to
 * {@code evently.webhooks.max-in-flight} at once: the requests are asynchronous, so a receiver that is slow or away
 * holds only its own slot, never a thread, another endpoint or a sale. Within a tick the timer waits for answers
 * (never longer than the tick) and gives an endpoint that has answered its next delivery at once. A delivery is leased while in flight, so no
 * other instance sends it or its endpoint's next; an instance that dies mid-request leaves it to be sent again once
 * the lease has run out (receivers de-duplicate on Evently-Event-Id).
 */
@Singleton
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class WebhookSender {

    /** Longer than an attempt can take, with room to record its outcome while the database is slow. */
    static final Duration LEASE = Duration.ofMinutes(2);
    /** How long one tick goes on sending to endpoints that have answered; the next tick starts a second later. */
    static final Duration TICK_BUDGET = Duration.ofMillis(900);
    private static final Logger LOG = Logger.getLogger(WebhookSender.class.getName());

    private record InFlight(Claimed delivery, CompletableFuture<Outcome> outcome) {
    }

    @EJB
    WebhookDispatch dispatch;

    @Inject
    @ConfigProperty(name = "evently.webhooks.max-in-flight", defaultValue = "20")
    int maxInFlight;

    @Inject
    @ConfigProperty(name = "evently.webhooks.allow-private", defaultValue = "false")
    boolean allowPrivate;

    private final AtomicBoolean running = new AtomicBoolean();
    /** By endpoint id: the attempt this instance waits for. */
    private final Map<Long, InFlight> inFlight = new ConcurrentHashMap<>();
    private WebhookPost post;
    private WebhookUrls urls;

    @PostConstruct
    void init() {
        post = new WebhookPost();
        urls = new WebhookUrls(allowPrivate);
    }

    @PreDestroy
    void close() {
        post.close();
    }

    @Schedule(second = "*", minute = "*", hour = "*", persistent = false, info = "webhook sender")
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public void sendDue() {
        if (!running.compareAndSet(false, true)) {
            return;
        }
        try {
            // within one tick, an endpoint that answers quickly gets its next delivery as soon as it has answered
            long end = System.nanoTime() + TICK_BUDGET.toNanos();
            boolean claim = true;
            while (true) {
                if (claim) {
                    claimDue();
                }
                long left = end - System.nanoTime();
                if (inFlight.isEmpty() || left <= 0) {
                    break;
                }
                awaitAnyAnswer(left);
                claim = settleFinished() > 0;
            }
        } catch (RuntimeException e) {
            // never out of the timer: Payara expunges a timer whose timeout fails twice, and webhooks would stop
            LOG.warning(() -> "webhook sender: retried at the next tick: " + e);
        } finally {
            running.set(false);
        }
    }

    private void claimDue() {
        settleFinished();
        int room = maxInFlight - inFlight.size();
        if (room > 0) {
            for (Claimed delivery : dispatch.claim(List.copyOf(inFlight.keySet()), room, LEASE)) {
                inFlight.put(delivery.endpointId(), new InFlight(delivery, attempt(delivery)));
            }
        }
    }

    /** Waits until an attempt in flight has its answer, at most {@code nanos}. */
    private void awaitAnyAnswer(long nanos) {
        CompletableFuture<?>[] outcomes = inFlight.values().stream().map(InFlight::outcome)
                .toArray(CompletableFuture[]::new);
        try {
            CompletableFuture.anyOf(outcomes).get(nanos, TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            // the next tick goes on waiting
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (ExecutionException e) {
            // outcomes always complete normally; settled below all the same
        }
    }

    private CompletableFuture<Outcome> attempt(Claimed delivery) {
        try {
            urls.check(delivery.url());  // resolved again: a name may point elsewhere since it was registered
        } catch (IllegalArgumentException refused) {
            return CompletableFuture.completedFuture(new Outcome(0, 0, "URL refused: " + refused.getMessage()));
        }
        return post.send(delivery, Instant.now());
    }

    /** Records the outcome of every finished attempt; one that cannot be recorded now is tried at the next tick. */
    private int settleFinished() {
        int settled = 0;
        for (InFlight flight : new ArrayList<>(inFlight.values())) {
            if (flight.outcome().isDone()) {
                dispatch.settle(flight.delivery(), flight.outcome().join());
                inFlight.remove(flight.delivery().endpointId());
                settled++;
            }
        }
        return settled;
    }
}
