package dev.evently.bench;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BiConsumer;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

import dev.evently.system.Fixtures.Buyer;

/**
 * One shape of the flash sale — its event, buyers and pacing — and what happened: every request in a
 * {@link Series}, seats sold, when it sold out. {@link FlashSaleSimulation} plays it.
 */
final class FlashSale {

    static volatile FlashSale current;

    final String shape;
    final String baseUrl;
    final long eventId;
    final long seats;
    final List<Buyer> buyers;
    /** mean pause before each action; zero: none */
    final Duration thinkTime;
    /** how stale a buyer's seat map may get before a conflict makes them read it again */
    final Duration mapRefresh;
    final Duration limit;

    final Series holds;
    /** checkout opened and paid at the provider: the buyer's side of a sale */
    final Series payments;
    final Series maps;
    final LongAdder seatsSold = new LongAdder();
    final LongAdder bookings = new LongAdder();
    final AtomicBoolean soldOut = new AtomicBoolean();
    final AtomicLong soldOutAt = new AtomicLong();
    final AtomicLong lastSaleAt = new AtomicLong();
    /** Told of every hold answered 201: its seats, and when the answer came (the stadium's watchers use it). */
    volatile BiConsumer<List<Long>, Long> onHeld = (seats, at) -> { };
    /** Seats the buyers know are taken without a conflict: the seat changes they follow (the stadium), or none. */
    volatile java.util.function.LongPredicate takenLive = id -> false;
    volatile long startedAt;
    volatile long finishedAt;
    volatile long deadline;

    FlashSale(String shape, String baseUrl, long eventId, long seats, List<Buyer> buyers, Duration thinkTime,
              Duration mapRefresh, Duration limit) {
        this.shape = shape;
        this.baseUrl = baseUrl;
        this.eventId = eventId;
        this.seats = seats;
        this.buyers = List.copyOf(buyers);
        this.thinkTime = thinkTime;
        this.mapRefresh = mapRefresh;
        this.limit = limit;
        this.holds = new Series(shape + " hold");
        this.payments = new Series(shape + " pay");
        this.maps = new Series(shape + " seat map");
    }

    boolean running() {
        return !soldOut.get() && System.currentTimeMillis() < deadline;
    }

    /** Seconds from the start to the sell-out, or to the end of the run when it did not sell out. */
    double seconds() {
        long end = soldOut.get() ? soldOutAt.get() : finishedAt;
        return Math.max(0.001, (end - startedAt) / 1000.0);
    }
}
