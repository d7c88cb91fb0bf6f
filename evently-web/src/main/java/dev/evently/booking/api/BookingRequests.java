package dev.evently.booking.api;

import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import dev.evently.booking.entity.Booking;

/**
 * The bodies buyers and door staff send. Each record spells out its canonical constructor so the
 * constraints stay off its parameters (Payara's OpenAPI scanner mistakes those for path parameters).
 */
public final class BookingRequests {

    private BookingRequests() {
    }

    @Schema(name = "NewBooking", description = "Exact seats of one event to hold")
    public record NewBooking(
            @NotNull @Positive @Schema(required = true, example = "42") Long eventId,
            @NotEmpty @Size(max = Booking.MAX_SEATS) @Schema(required = true, description = "1 to 10 distinct seat ids", example = "[1017, 1018]")
            List<@NotNull @Positive Long> seatIds) {

        public NewBooking(Long eventId, List<Long> seatIds) {
            this.eventId = eventId;
            this.seatIds = seatIds;
        }
    }

    @Schema(name = "CheckIn", description = "The code read from a ticket's QR")
    public record CheckIn(@NotBlank @Size(max = 200) @Schema(required = true) String code) {

        public CheckIn(String code) {
            this.code = code;
        }
    }
}
