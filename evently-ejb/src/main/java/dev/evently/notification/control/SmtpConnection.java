package dev.evently.notification.control;

import java.util.Date;

import jakarta.mail.Message.RecipientType;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

/**
 * One connection to the mail server for a run of mails (a connection per mail costs the server a handshake each,
 * and a rush owes thousands). Each mail carries a Message-ID made from its queued id, the same at every attempt.
 */
public final class SmtpConnection implements AutoCloseable {

    private final Session session;
    private final Transport transport;

    private SmtpConnection(Session session, Transport transport) {
        this.session = session;
        this.transport = transport;
    }

    /** Connects, or throws when the server cannot be reached: nothing is due to be tried then. */
    public static SmtpConnection open(Session session) throws MessagingException {
        Transport transport = session.getTransport("smtp");
        transport.connect();
        return new SmtpConnection(session, transport);
    }

    /** Sends one mail; a refusal of this mail or a broken connection throws. */
    public void send(MailQueue.Queued queued) throws MessagingException {
        Mail mail = queued.mail();
        String messageId = messageId(queued.messageId(), session.getProperty("mail.from"));
        MimeMessage message = new IdentifiedMessage(session, messageId);
        message.setFrom();  // the session's mail.from (EVENTLY_MAIL_FROM)
        message.setRecipient(RecipientType.TO, new InternetAddress(mail.to(), true));
        message.setSubject(mail.subject(), "UTF-8");
        message.setText(mail.body(), "UTF-8");
        message.setSentDate(new Date());
        message.saveChanges();
        transport.sendMessage(message, message.getAllRecipients());
    }

    public boolean connected() {
        return transport.isConnected();
    }

    @Override
    public void close() {
        try {
            transport.close();
        } catch (MessagingException e) {
            // the mails are sent or recorded as not sent; a failed QUIT changes neither
        }
    }

    /** {@code <id@domain of the sender>}, the form RFC 5322 asks for. */
    static String messageId(String id, String from) {
        String domain = "evently.invalid";
        if (from != null) {
            try {
                String address = new InternetAddress(from).getAddress();
                int at = address.lastIndexOf('@');
                if (at > 0 && at < address.length() - 1) {
                    domain = address.substring(at + 1);
                }
            } catch (AddressException e) {
                // a sender the server accepts anyway; the domain only has to be stable
            }
        }
        return "<" + id + "@" + domain + ">";
    }

    /** A message whose Message-ID is given, not made up anew as each attempt saves it. */
    private static final class IdentifiedMessage extends MimeMessage {

        private final String messageId;

        IdentifiedMessage(Session session, String messageId) {
            super(session);
            this.messageId = messageId;
        }

        @Override
        protected void updateMessageID() throws MessagingException {
            setHeader("Message-ID", messageId);
        }
    }
}
