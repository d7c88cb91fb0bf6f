package dev.evently.webhook.boundary;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import dev.evently.notification.control.Mail;
import dev.evently.notification.control.MailQueue;
import dev.evently.webhook.control.WebhookPost.Outcome;
import dev.evently.webhook.control.WebhookStore;
import dev.evently.webhook.control.WebhookStore.Claimed;

class WebhookDispatchTest {

    private static final Instant NOW = Instant.parse("2027-03-01T12:00:00Z");

    /** What the dispatch asked of the tables. */
    static final class Store extends WebhookStore {
        final List<String> calls = new ArrayList<>();
        Instant failingSince;
        boolean enabled = true;

        @Override
        public void delivered(long id, int statusCode, long latencyMs, Instant now) {
            calls.add("delivered " + id + " " + statusCode);
            failingSince = null;
        }

        @Override
        public Instant failed(long id, int statusCode, long latencyMs, String error, Instant retryAt, Instant now) {
            calls.add("failed " + id + " " + statusCode + " retry " + retryAt);
            failingSince = failingSince == null ? now : failingSince;
            return failingSince;
        }

        @Override
        public boolean disable(long endpointId, String reason, Instant now) {
            calls.add("disable " + endpointId);
            boolean was = enabled;
            enabled = false;
            return was;
        }

        @Override
        public Optional<Endpoint> endpoint(long id) {
            return Optional.of(new Endpoint(id, "https://hooks.example.com/in", List.of("booking.created"), enabled,
                    NOW, null, null, failingSince));
        }

        @Override
        public List<String> adminEmails(int limit) {
            return List.of("ada@example.org", "grace@example.org");
        }
    }

    static final class Mails extends MailQueue {
        final List<Mail> added = new ArrayList<>();

        @Override
        public void add(Mail mail, String cause) {
            added.add(mail);
        }
    }

    private final Store store = new Store();
    private final Mails mails = new Mails();
    private final WebhookDispatch dispatch = dispatch();

    private WebhookDispatch dispatch() {
        WebhookDispatch dispatch = new WebhookDispatch();
        dispatch.store = store;
        dispatch.mails = mails;
        dispatch.firstRetry = Duration.ofSeconds(10);
        dispatch.giveUpAfter = Duration.ofHours(24);
        dispatch.clock = Clock.fixed(NOW, ZoneOffset.UTC);
        return dispatch;
    }

    private static Claimed claimed(int attempts, Instant firstAttempt) {
        return new Claimed(5, 7, "https://hooks.example.com/in", "whsec_x", "101", "booking.created", "{}", attempts,
                firstAttempt);
    }

    @Test
    void a2xxIsDelivered() {
        dispatch.settle(claimed(1, NOW), new Outcome(204, 12, null));

        assertThat(store.calls).containsExactly("delivered 5 204");
        assertThat(mails.added).isEmpty();
    }

    @Test
    void anyOtherAnswerIsTriedAgainAfterTheBackoff() {
        dispatch.settle(claimed(3, NOW.minusSeconds(60)), new Outcome(503, 40, "answered 503"));

        assertThat(store.calls).containsExactly("failed 5 503 retry " + NOW.plusSeconds(40));
        assertThat(mails.added).isEmpty();
    }

    @Test
    void aDeliveryFailingForTheGiveUpTimeIsGivenUpAndItsEndpointDisabledWithAMailToEveryAdmin() {
        store.failingSince = NOW.minus(Duration.ofHours(25));

        dispatch.settle(claimed(40, NOW.minus(Duration.ofHours(24))), new Outcome(0, 10_000, "no answer"));

        assertThat(store.calls).containsExactly("failed 5 0 retry null", "disable 7");
        assertThat(mails.added).extracting(Mail::to).containsExactly("ada@example.org", "grace@example.org");
        assertThat(mails.added.get(0).subject()).contains("webhook endpoint 7 disabled");
        assertThat(mails.added.get(0).body()).contains("https://hooks.example.com/in", "no answer");
    }

    @Test
    void anEndpointAlreadyDisabledIsNotMailedAboutAgain() {
        store.failingSince = NOW.minus(Duration.ofHours(25));
        store.enabled = false;

        dispatch.settle(claimed(2, NOW.minusSeconds(30)), new Outcome(500, 5, "answered 500"));

        assertThat(store.calls).contains("disable 7");
        assertThat(mails.added).isEmpty();
    }
}
