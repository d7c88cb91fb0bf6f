package dev.evently.booking.control;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Ticket codes a door scanner can trust without a lookup first: {@code EVT1-<booking>-<seat>-<mac>},
 * the MAC an HMAC-SHA256 over the ids with a secret from configuration. A forged or altered code is
 * recognised before the database is asked.
 */
@ApplicationScoped
public class TicketCodes {

    private static final Pattern CODE = Pattern.compile("EVT1-(\\d{1,18})-(\\d{1,18})-([A-Za-z0-9_-]{32})");

    @Inject
    @ConfigProperty(name = "evently.ticket.secret")
    String secret;

    private SecretKeySpec key;

    @PostConstruct
    void init() {
        if (secret == null || secret.length() < 16) {
            throw new IllegalStateException("evently.ticket.secret must be at least 16 characters");
        }
        key = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
    }

    public String sign(long bookingId, long seatId) {
        return "EVT1-" + bookingId + "-" + seatId + "-" + mac(bookingId, seatId);
    }

    /** The booking and seat a genuine code names, or empty for anything forged, altered or malformed. */
    public Optional<long[]> verify(String code) {
        Matcher matcher = code == null ? null : CODE.matcher(code.strip());
        if (matcher == null || !matcher.matches()) {
            return Optional.empty();
        }
        long bookingId = Long.parseLong(matcher.group(1));
        long seatId = Long.parseLong(matcher.group(2));
        boolean genuine = MessageDigest.isEqual(
                mac(bookingId, seatId).getBytes(StandardCharsets.US_ASCII),
                matcher.group(3).getBytes(StandardCharsets.US_ASCII));
        return genuine ? Optional.of(new long[] {bookingId, seatId}) : Optional.empty();
    }

    private String mac(long bookingId, long seatId) {
        try {
            Mac hmac = Mac.getInstance("HmacSHA256");
            hmac.init(key);
            byte[] digest = hmac.doFinal(("ticket:" + bookingId + ":" + seatId).getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest).substring(0, 32);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
