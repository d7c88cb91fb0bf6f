package dev.evently.waitlist.api;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import dev.evently.booking.entity.Booking;

/** The body of a waitlist join; the canonical constructor is spelled out (see BookingRequests). */
public final class WaitlistRequests {

    private WaitlistRequests() {
    }

    @Schema(name = "JoinWaitlist", description = "A place in the queue of a sold-out event, for a number of seats")
    public record Join(
            @NotNull @Positive @Schema(required = true, example = "42") Long eventId,
            @NotNull @Min(1) @Max(Booking.MAX_SEATS) @Schema(required = true, description = "1 to 10", example = "2") Integer seats) {

        public Join(Long eventId, Integer seats) {
            this.eventId = eventId;
            this.seats = seats;
        }
    }
}
