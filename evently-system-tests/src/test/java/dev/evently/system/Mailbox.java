package dev.evently.system;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import java.util.function.Predicate;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;

/**
 * The inboxes of the stack's mail server (the embedded GreenMail), read through its REST API at the URL
 * ./evently test passes as {@code evently.mail-api-url}. Every message is parsed as the MIME it arrived as.
 */
final class Mailbox {

    static final String API_URL = System.getProperty("evently.mail-api-url", "");

    /** A mail as it arrived: recipients, decoded subject, plain-text body and Message-ID. */
    record Mail(List<String> to, String from, String subject, String contentType, String body, String messageId) {
    }

    private static final Session PARSING = Session.getInstance(new Properties());

    private Mailbox() {
    }

    static boolean available() {
        return !API_URL.isBlank();
    }

    /** What has arrived for {@code email} so far; empty while nothing has (GreenMail knows no such user yet). */
    static List<Mail> inbox(String email) {
        HttpResponse<String> response = Stack.send(HttpRequest.newBuilder(URI.create(
                API_URL + "/api/user/" + URLEncoder.encode(email, StandardCharsets.UTF_8) + "/messages/INBOX")).GET());
        if (response.statusCode() == 400 && response.body().contains("not found")) {
            return List.of();
        }
        if (response.statusCode() != 200) {
            throw new AssertionError("mail API: " + response.statusCode() + " " + response.body());
        }
        List<Mail> mails = new ArrayList<>();
        for (JsonNode message : Stack.json(response)) {
            mails.add(parse(message.path("mimeMessage").asText()));
        }
        return mails;
    }

    /** The mails of {@code email} whose subject contains {@code subjectPart}. */
    static List<Mail> withSubject(String email, String subjectPart) {
        return inbox(email).stream().filter(mail -> mail.subject().contains(subjectPart)).toList();
    }

    /** Polls the inbox until a mail's subject contains {@code subjectPart}, with a deadline; returns that mail. */
    static Mail await(String email, String subjectPart, Duration timeout) throws InterruptedException {
        return awaitInbox(email, timeout, mails -> mails.stream().anyMatch(mail -> mail.subject().contains(subjectPart)),
                "a mail with subject containing '" + subjectPart + "'").stream()
                .filter(mail -> mail.subject().contains(subjectPart)).findFirst().orElseThrow();
    }

    static List<Mail> awaitInbox(String email, Duration timeout, Predicate<List<Mail>> done, String what)
            throws InterruptedException {
        return Stack.await(email + " receives " + what, timeout, () -> inbox(email), done,
                last -> last.stream().map(Mail::subject).toList().toString());
    }

    private static Mail parse(String raw) {
        try {
            MimeMessage message = new MimeMessage(PARSING, new ByteArrayInputStream(raw.getBytes(StandardCharsets.UTF_8)));
            Object content = message.getContent();
            return new Mail(addresses(message.getAllRecipients()), addresses(message.getFrom()).get(0),
                    message.getSubject(), message.getContentType(),
                    content instanceof String text ? text : String.valueOf(content), message.getMessageID());
        } catch (MessagingException | IOException e) {
            throw new AssertionError("not a readable mail: " + raw, e);
        }
    }

    private static List<String> addresses(Address[] addresses) {
        return addresses == null ? List.of() : Arrays.stream(addresses).map(Address::toString).toList();
    }
}
