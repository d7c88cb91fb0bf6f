package dev.evently.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Files;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.evently.client.ApiClient;
import dev.evently.client.ApiException;
import dev.evently.client.api.AccountsApi;
import dev.evently.client.api.AdminEventsApi;
import dev.evently.client.api.BookingsApi;
import dev.evently.client.api.EventsApi;
import dev.evently.client.api.PaymentsApi;
import dev.evently.client.api.TicketsApi;
import dev.evently.client.model.AccessToken;
import dev.evently.client.model.Booking;
import dev.evently.client.model.BookingTicketsInner;
import dev.evently.client.model.EventDetails;
import dev.evently.client.model.EventSummary;
import dev.evently.client.model.Layout;
import dev.evently.client.model.Login;
import dev.evently.client.model.NewBooking;
import dev.evently.client.model.NewEvent;
import dev.evently.client.model.Payment;
import dev.evently.client.model.Registration;
import dev.evently.client.model.Seat;
import dev.evently.client.model.SeatMap;
import dev.evently.client.model.Section;
import dev.evently.client.model.User;

/**
 * A buyer's whole journey through the Java client generated from the committed contract (evently-client), as a
 * partner would write it: so the contract cannot drift from the server without this failing. Only paying at the
 * provider's checkout is the provider's part (its simulator), as in the browser.
 */
class ClientJourneyIT {

    @Test
    void aBuyerRegistersLogsInFindsAnEventHoldsSeatsPaysGetsTicketsAndCancels() throws Exception {
        // an admin puts an event on sale, through the same client
        ApiClient staff = client(Auth.adminToken());
        String name = Catalog.uniqueName("Client journey");
        EventDetails created = new AdminEventsApi(staff).createEvent(new NewEvent().name(name).venue("Harbour Hall")
                .description("Walked through the generated client")
                .startTime(OffsetDateTime.now(ZoneOffset.UTC).plusDays(30).withNano(0))
                .endTime(OffsetDateTime.now(ZoneOffset.UTC).plusDays(30).plusHours(3).withNano(0))
                .layout(new Layout().sections(List.of(new Section().name("Floor").rows(1).seatsPerRow(4).priceCents(4500L)))));
        new AdminEventsApi(staff).publishEvent(created.getId());

        // register and log in
        ApiClient anonymous = client(null);
        String email = "journey-" + UUID.randomUUID() + "@example.org";
        User user = new AccountsApi(anonymous).register(new Registration().email(email).password("a long journey 42").name("Jo"));
        assertThat(user.getEmail()).isEqualTo(email);
        AccessToken token = new AccountsApi(anonymous).login(new Login().email(email).password("a long journey 42"));
        assertThat(token.getAccessToken()).isNotBlank();
        ApiClient buyer = client(token.getAccessToken());
        assertThat(new AccountsApi(buyer).me().getId()).isEqualTo(user.getId());

        // browse: the list, the event, its seat map
        List<EventSummary> found = new EventsApi(anonymous).listEvents(name, null, null, null, 0, 20).getItems();
        assertThat(found).extracting(EventSummary::getId).containsExactly(created.getId());
        assertThat(new EventsApi(anonymous).getEvent(created.getId()).getName()).isEqualTo(name);
        SeatMap map = new EventsApi(anonymous).getSeatMap(created.getId());
        List<Long> seats = map.getSeats().stream().limit(2).map(Seat::getId).toList();
        assertThat(map.getSeats()).hasSize(4).allMatch(seat -> seat.getStatus() == Seat.StatusEnum.AVAILABLE);

        // hold two seats; the same seats again are refused with a problem the client surfaces
        BookingsApi bookings = new BookingsApi(buyer);
        Booking held = bookings.holdSeats(new NewBooking().eventId(created.getId()).seatIds(seats), UUID.randomUUID().toString());
        assertThat(held.getStatus()).isEqualTo(Booking.StatusEnum.PENDING);
        assertThat(held.getTotalCents()).isEqualTo(9000L);
        ApiException taken = catchThrowableOfType(ApiException.class, () -> new BookingsApi(client(Auth.newUserToken()))
                .holdSeats(new NewBooking().eventId(created.getId()).seatIds(seats), null));
        assertThat(taken.getCode()).isEqualTo(409);
        assertThat(taken.getResponseBody()).contains("\"type\"");

        // pay at the provider's checkout
        Payment payment = new PaymentsApi(buyer).startPayment(held.getId());
        assertThat(payment.getCheckoutUrl()).startsWith("http");
        Provider.succeed(Provider.providerId(Stack.JSON.createObjectNode().put("checkoutUrl", payment.getCheckoutUrl())));
        Booking confirmed = Stack.await("booking " + held.getId() + " confirmed", Duration.ofSeconds(20),
                () -> bookings.getBooking(held.getId()), booking -> booking.getStatus() == Booking.StatusEnum.CONFIRMED);
        assertThat(confirmed.getTickets()).hasSize(2).allMatch(t -> t.getStatus() == BookingTicketsInner.StatusEnum.VALID);
        assertThat(bookings.myBookings(0, 20).getItems()).extracting(Booking::getId).contains(held.getId());
        assertThat(new PaymentsApi(buyer).listPayments(held.getId())).hasSize(1);

        // a ticket's QR code, as a PNG
        byte[] png = Files.readAllBytes(new TicketsApi(buyer).ticketQr(confirmed.getTickets().get(0).getId()).toPath());
        assertThat(png).startsWith(0x89, 'P', 'N', 'G');

        // cancel: the paid booking is refunded
        Booking cancelled = bookings.cancelBooking(held.getId());
        assertThat(cancelled.getStatus()).isIn(Booking.StatusEnum.REFUND_PENDING, Booking.StatusEnum.REFUNDED);
        Stack.await("booking " + held.getId() + " refunded", Duration.ofSeconds(30),
                () -> bookings.getBooking(held.getId()), booking -> booking.getStatus() == Booking.StatusEnum.REFUNDED);
        assertThat(new EventsApi(anonymous).getSeatMap(created.getId()).getSeats())
                .filteredOn(seat -> seats.contains(seat.getId())).allMatch(seat -> seat.getStatus() == Seat.StatusEnum.AVAILABLE);
    }

    /** A client of the stack's API, from an address of its own (limits count per address), with the token if any. */
    private static ApiClient client(String token) {
        ApiClient client = new ApiClient();
        client.updateBaseUri(Stack.BASE_URL + "/api");
        String address = Stack.randomAddress();
        client.setRequestInterceptor(request -> {
            request.setHeader("X-Forwarded-For", address);
            if (token != null) {
                request.setHeader("Authorization", "Bearer " + token);
            }
        });
        return client;
    }
}
