package dev.evently.notification.control;

/** One plain-text email to one person. */
public record Mail(String to, String subject, String body) {
}
