package dev.evently.bench;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.zip.CRC32C;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

/**
 * The seats a buyer believes available: the last seat map read, less what they have since learned is taken.
 * Chooses as a person would: 1–4 adjacent seats in one row, from the best (dearest) sections first and near
 * their front, so that buyers collide.
 */
final class SeatView {

    record Seat(long id, String section, String row, int number, long priceCents) {
    }

    /**
     * A seat map as read: its available seats by section (best first, each front to back; shared by every buyer who
     * read the same map, so never changed), how many seats are held, and how many exist.
     */
    record SeatMap(Map<String, List<Seat>> sections, long held, long total) {

        static SeatMap of(List<Seat> available, long held, long total) {
            Map<String, List<Seat>> bySection = new LinkedHashMap<>();
            for (Seat seat : available) {
                bySection.computeIfAbsent(seat.section(), s -> new ArrayList<>()).add(seat);
            }
            Map<String, List<Seat>> sections = new LinkedHashMap<>();
            bySection.entrySet().stream()
                    .sorted(Comparator.comparingLong((Map.Entry<String, List<Seat>> e) -> -e.getValue().get(0).priceCents()))
                    .forEach(e -> {
                        e.getValue().sort(FRONT_TO_BACK);
                        sections.put(e.getKey(), List.copyOf(e.getValue()));
                    });
            return new SeatMap(Collections.unmodifiableMap(sections), held, total);
        }

        boolean noneAvailable() {
            return sections.isEmpty();
        }
    }

    /** Chance of going for the best section, the second best, ...; the rest share what is left. */
    private static final double[] SECTION_WEIGHTS = {0.45, 0.30, 0.15, 0.10};
    /** How far from the front of a section a buyer looks for a start seat. */
    private static final int FRONT = 40;
    private static final JsonFactory JSON = new JsonFactory();
    private static final Comparator<Seat> FRONT_TO_BACK = Comparator.comparingInt((Seat s) -> s.row().length())
            .thenComparing(Seat::row).thenComparingInt(Seat::number);

    /** Maps read lately, by their bodies' length and CRC-32C: the buyers of a sale often read the same one at once. */
    private static final Map<Long, SeatMap> READ = new ConcurrentHashMap<>();
    private static final int READ_KEPT = 8;

    /** Sections best first, each front to back (the map's own lists). */
    private final Map<String, List<Seat>> sections;
    private final Set<Long> gone = new HashSet<>();

    SeatView(SeatMap map) {
        this.sections = map.sections();
    }

    synchronized void taken(Collection<Long> seatIds) {
        gone.addAll(seatIds);
    }

    /** 1–4 adjacent seats believed available, or an empty list when none are left. */
    synchronized List<Long> choose(ThreadLocalRandom random) {
        return choose(random, id -> false);
    }

    /**
     * As {@link #choose(ThreadLocalRandom)}, also leaving out the seats {@code takenLive} knows are taken (a buyer
     * whose map follows the seat changes).
     */
    synchronized List<Long> choose(ThreadLocalRandom random, java.util.function.LongPredicate takenLive) {
        List<List<Seat>> open = new ArrayList<>();
        for (List<Seat> seats : sections.values()) {
            List<Seat> front = new ArrayList<>(FRONT);
            for (Seat seat : seats) {
                if (!gone.contains(seat.id()) && !takenLive.test(seat.id())) {
                    front.add(seat);
                    if (front.size() == FRONT) {
                        break;
                    }
                }
            }
            if (!front.isEmpty()) {
                open.add(front);
            }
        }
        if (open.isEmpty()) {
            return List.of();
        }
        List<Seat> front = open.get(pickSection(open.size(), random));
        Seat first = front.get(random.nextInt(front.size()));
        int wanted = 1 + random.nextInt(4);
        List<Long> chosen = new ArrayList<>(List.of(first.id()));
        Seat last = first;
        for (Seat next : sections.get(first.section()).subList(sections.get(first.section()).indexOf(first) + 1,
                sections.get(first.section()).size())) {
            if (chosen.size() == wanted || !next.row().equals(last.row()) || next.number() != last.number() + 1
                    || gone.contains(next.id()) || takenLive.test(next.id())) {
                break;
            }
            chosen.add(next.id());
            last = next;
        }
        return chosen;
    }

    private static int pickSection(int count, ThreadLocalRandom random) {
        double total = 0;
        for (int i = 0; i < count; i++) {
            total += i < SECTION_WEIGHTS.length ? SECTION_WEIGHTS[i] : 0.05;
        }
        double r = random.nextDouble(total);
        for (int i = 0; i < count; i++) {
            r -= i < SECTION_WEIGHTS.length ? SECTION_WEIGHTS[i] : 0.05;
            if (r < 0) {
                return i;
            }
        }
        return count - 1;
    }

    /**
     * The seat map in a body, parsed once however many buyers read the same body: parsing is the buyer's browser's
     * work, and 200 buyers parsing a 3.5 MB map at once on the server's machine took CPU from the server, which the
     * buyers' latency then showed. The server still sends every one of them the whole map.
     */
    static SeatMap read(byte[] body) {
        CRC32C crc = new CRC32C();
        crc.update(body);
        long key = (long) body.length << 32 ^ crc.getValue();
        if (READ.size() >= READ_KEPT) {
            READ.clear();
        }
        return READ.computeIfAbsent(key, k -> parse(body));
    }

    /** Reads a seat map body with a streaming parser: a 10,000-seat map is a megabyte of JSON. */
    static SeatMap parse(byte[] body) {
        List<Seat> available = new ArrayList<>();
        long held = 0;
        long total = 0;
        try (JsonParser json = JSON.createParser(body)) {
            String field = null;
            long id = 0;
            String section = null;
            String row = null;
            int number = 0;
            long price = 0;
            String status = null;
            int depth = 0;
            boolean inCounts = false;
            JsonToken token;
            while ((token = json.nextToken()) != null) {
                switch (token) {
                    case START_OBJECT -> {
                        depth++;
                        inCounts = "counts".equals(field);
                    }
                    case END_OBJECT -> {
                        if (depth == 2 && !inCounts && status != null) {
                            total++;
                            if (status.equals("AVAILABLE")) {
                                available.add(new Seat(id, section, row, number, price));
                            }
                            status = null;
                        }
                        inCounts = false;
                        depth--;
                    }
                    case FIELD_NAME -> field = json.currentName();
                    case VALUE_NUMBER_INT -> {
                        if (inCounts) {
                            if ("held".equals(field)) {
                                held = json.getLongValue();
                            }
                        } else if ("id".equals(field)) {
                            id = json.getLongValue();
                        } else if ("number".equals(field)) {
                            number = json.getIntValue();
                        } else if ("priceCents".equals(field)) {
                            price = json.getLongValue();
                        }
                    }
                    case VALUE_STRING -> {
                        switch (field) {
                            case "section" -> section = json.getText();
                            case "row" -> row = json.getText();
                            case "status" -> status = json.getText();
                            default -> {
                            }
                        }
                    }
                    default -> {
                    }
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("not a seat map: " + e.getMessage(), e);
        }
        return SeatMap.of(available, held, total);
    }
}
