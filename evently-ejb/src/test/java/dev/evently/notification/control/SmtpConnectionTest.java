package dev.evently.notification.control;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SmtpConnectionTest {

    @Test
    void theMessageIdIsTheQueuedIdAtTheSendersDomain() {
        assertThat(SmtpConnection.messageId("5f1c", "tickets@evently.local")).isEqualTo("<5f1c@evently.local>");
        assertThat(SmtpConnection.messageId("5f1c", "Evently Tickets <tickets@example.org>"))
                .isEqualTo("<5f1c@example.org>");
    }

    @Test
    void aSenderWithoutADomainStillGivesAWellFormedId() {
        assertThat(SmtpConnection.messageId("5f1c", null)).isEqualTo("<5f1c@evently.invalid>");
        assertThat(SmtpConnection.messageId("5f1c", "tickets")).isEqualTo("<5f1c@evently.invalid>");
    }
}
