-- Which seats a booking held, kept after its seats are released (cancelled, expired) so the booking's
-- history, receipts and analytics never lose them. Seats are never deleted once a booking named them.
CREATE TABLE booking_seats (
    booking_id bigint NOT NULL REFERENCES bookings (id),
    seat_id    bigint NOT NULL REFERENCES seats (id),
    PRIMARY KEY (booking_id, seat_id)
);

CREATE INDEX booking_seats_seat_idx ON booking_seats (seat_id);
