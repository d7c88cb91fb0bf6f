package dev.evently.console.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.evently.audit.boundary.Actor;
import dev.evently.audit.boundary.AuditTrail;
import dev.evently.booking.boundary.TicketView;

class StaffActionsTest {

    private static final String CODE = "EVT1-1234567-89-abcdefghijklmnopqrstuvwxyz012345";
    private static final Actor DOOR = new Actor(7L, "door@evently.local", "10.0.0.5");

    private final List<Recorded> recorded = new ArrayList<>();

    @Test
    void aCodeIsCutToItsFirstEightCharacters() {
        assertThat(StaffActions.shortened(CODE)).isEqualTo("EVT1-123…");
        assertThat(StaffActions.shortened("EVT1-123")).as("nothing cut, nothing marked").isEqualTo("EVT1-123");
        assertThat(StaffActions.shortened("short")).isEqualTo("short");
        assertThat(StaffActions.shortened("")).isEmpty();
        assertThat(StaffActions.shortened(null)).isEmpty();
    }

    @Test
    void aCutNeverSplitsACharacterAndControlCharactersAreShownAsSuch() {
        assertThat(StaffActions.shortened("😀😀😀😀😀😀😀😀😀")).isEqualTo("😀😀😀😀😀😀😀😀…");
        assertThat(StaffActions.shortened("a\u0000b\nc")).isEqualTo("a?b?c");
    }

    @Test
    void anExportedSearchIsKeptShortAndATicketCodeInItNoLongerThanAScannedOne() {
        assertThat(StaffActions.shortenedSearch(" shopper@example.org ")).isEqualTo("shopper@example.org");
        assertThat(StaffActions.shortenedSearch(CODE)).isEqualTo("EVT1-123…");
        assertThat(StaffActions.shortenedSearch("evt1-1234567")).isEqualTo("evt1-123…");
        assertThat(StaffActions.shortenedSearch("x".repeat(300))).hasSize(101);
        assertThat(StaffActions.shortenedSearch("a\nb")).isEqualTo("a?b");
        assertThat(StaffActions.shortenedSearch(null)).isEmpty();
    }

    @Test
    void anAdmissionIsRecordedWithItsTicketEventSeatAndTime() {
        Instant at = Instant.parse("2026-01-15T18:45:30Z");

        staffActions().checkedIn(DOOR, new TicketView(41, 2, 3, "Harbour Nights", "Floor A-1", "VALID", at));

        assertThat(recorded).singleElement().satisfies(r -> {
            assertThat(r.actor()).isEqualTo(DOOR);
            assertThat(r.action()).isEqualTo("ticket.checked-in");
            assertThat(r.subject()).isEqualTo("ticket 41");
            assertThat(r.before()).isNull();
            assertThat(r.after()).containsEntry("event", "Harbour Nights").containsEntry("seat", "Floor A-1")
                    .containsEntry("checkedInAt", at);
        });
    }

    @Test
    void aRefusalIsRecordedWithTheReasonAndNeverTheWholeCode() {
        staffActions().checkInRefused(DOOR, CODE, "Already checked in at 19:42");

        assertThat(recorded).singleElement().satisfies(r -> {
            assertThat(r.action()).isEqualTo("ticket.check-in-refused");
            assertThat(r.subject()).isEqualTo("ticket code EVT1-123…");
            assertThat(r.after()).isEqualTo(Map.of("reason", "Already checked in at 19:42"));
            assertThat(r.toString()).doesNotContain(CODE.substring(8));
        });
    }

    @Test
    void aBoxOfficeSaleIsRecordedWithWhatWasSoldToWhomAndHowItWasPaid() {
        Actor boxOffice = new Actor(8L, "box@evently.local", "10.0.0.6");

        staffActions().soldAtBoxOffice(boxOffice, new StaffActions.BoxOfficeSale(51, 3, "Harbour Nights",
                List.of("Floor A-3", "Floor B-1"), "guest@example.org", false, "CASH", 9000, "EUR"));

        assertThat(recorded).singleElement().satisfies(r -> {
            assertThat(r.actor()).isEqualTo(boxOffice);
            assertThat(r.action()).isEqualTo("booking.sold-at-box-office");
            assertThat(r.subject()).isEqualTo("booking 51");
            assertThat(r.after()).containsEntry("eventId", 3L).containsEntry("seats", List.of("Floor A-3", "Floor B-1"))
                    .containsEntry("customer", "guest@example.org").containsEntry("walkIn", false)
                    .containsEntry("method", "CASH").containsEntry("amountCents", 9000L)
                    .containsEntry("currency", "EUR");
        });
    }

    @Test
    void signingInAndOutIsRecordedAgainstTheAccount() {
        StaffActions actions = staffActions();

        actions.signedIn(DOOR, "DOOR");
        actions.signInRefused("someone@example.com", null, "10.0.0.9", "wrong email or password");
        actions.signedOut(DOOR, "signed out");

        assertThat(recorded).extracting(Recorded::action)
                .containsExactly("console.signed-in", "console.sign-in-refused", "console.signed-out");
        assertThat(recorded.get(0).subject()).isEqualTo("user 7");
        assertThat(recorded.get(1).actor()).isEqualTo(new Actor(null, "someone@example.com", "10.0.0.9"));
        assertThat(recorded.get(1).subject()).isNull();
    }

    @Test
    void theEventEditorsChangesAreRecordedAgainstTheEvent() {
        Actor admin = new Actor(1L, "admin@evently.local", "10.0.0.2");
        StaffActions actions = staffActions();

        actions.eventCreated(admin, 12, Map.of("name", "Jazz", "layout", "Floor 1×2 at 1.00"));
        actions.eventUpdated(admin, 12, Map.of("name", "Jazz"), Map.of("name", "Jazz night"));
        actions.eventPublished(admin, 12, "Jazz night");
        actions.eventCancelled(admin, 12, "Jazz night", "PUBLISHED");

        assertThat(recorded).extracting(Recorded::action)
                .containsExactly("event.created", "event.updated", "event.published", "event.cancelled");
        assertThat(recorded).extracting(Recorded::subject).containsOnly("event 12");
        assertThat(recorded).extracting(Recorded::actor).containsOnly(admin);
        assertThat(recorded.get(1).before()).isEqualTo(Map.of("name", "Jazz"));
        assertThat(recorded.get(1).after()).isEqualTo(Map.of("name", "Jazz night"));
        assertThat(recorded.get(3).before()).isEqualTo(Map.of("status", "PUBLISHED"));
        assertThat(recorded.get(3).after()).containsEntry("status", "CANCELLED");
    }

    @Test
    void aRecordThatCannotBeWrittenDoesNotUndoTheAction() {
        StaffActions actions = new StaffActions();
        actions.trail = new AuditTrail() {
            @Override
            public void record(Actor actor, String action, String subject, Map<String, ?> before,
                               Map<String, ?> after) {
                throw new IllegalStateException("database away");
            }
        };

        actions.checkInRefused(DOOR, CODE, "Unknown ticket");
    }

    @Test
    void aDeadLetterReplayedOrDiscardedIsRecordedWithItsIdQueueAndEventType() {
        Actor admin = new Actor(1L, "admin@evently.local", "10.0.0.1");
        StaffActions actions = staffActions();

        actions.messageReplayed(admin, "ID:abc-1", "evently.payments", null);
        actions.messageDiscarded(admin, "ID:abc-2", "evently.waitlist", "booking.cancelled");

        assertThat(recorded).extracting(Recorded::action).containsExactly("message.replayed", "message.discarded");
        assertThat(recorded.get(0).subject()).isEqualTo("message ID:abc-1");
        assertThat(recorded.get(0).after()).containsEntry("messageId", "ID:abc-1")
                .containsEntry("queue", "evently.payments").containsEntry("eventType", null);
        assertThat(recorded.get(1).after()).containsEntry("queue", "evently.waitlist")
                .containsEntry("eventType", "booking.cancelled");
    }

    private StaffActions staffActions() {
        StaffActions actions = new StaffActions();
        actions.trail = new AuditTrail() {
            @Override
            public void record(Actor actor, String action, String subject, Map<String, ?> before,
                               Map<String, ?> after) {
                recorded.add(new Recorded(actor, action, subject, copy(before), copy(after)));
            }
        };
        return actions;
    }

    private static Map<String, Object> copy(Map<String, ?> facts) {
        return facts == null ? null : new HashMap<>(facts);
    }

    private record Recorded(Actor actor, String action, String subject, Map<String, Object> before,
                            Map<String, Object> after) {
    }
}
