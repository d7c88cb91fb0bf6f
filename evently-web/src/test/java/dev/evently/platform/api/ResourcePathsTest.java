package dev.evently.platform.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import dev.evently.booking.api.BookingsResource;

class ResourcePathsTest {

    @Test
    void aTemplateJoinsTheClassAndMethodPathsAsTheApiDocumentsThem() throws Exception {
        assertThat(ResourcePaths.template(BookingsResource.class, BookingsResource.class.getMethod("cancelBooking", long.class)))
                .isEqualTo("/bookings/{id}/cancel");
        assertThat(ResourcePaths.template(BookingsResource.class,
                BookingsResource.class.getMethod("myBookings", String.class, String.class))).isEqualTo("/bookings/my-bookings");
    }

    @Test
    void aParametersRegularExpressionIsNotPartOfItsTemplate() {
        assertThat(ResourcePaths.withoutRegex("{id: [0-9]{1,18}}/role")).isEqualTo("{id}/role");
        assertThat(ResourcePaths.withoutRegex("tickets/{id}/qr")).isEqualTo("tickets/{id}/qr");
        assertThat(ResourcePaths.withoutRegex("{ a : x{2}y }/{b}")).isEqualTo("{a}/{b}");
    }

    @Test
    void aProxyOfAResourceIsNamedAsTheResource() throws Exception {
        class Proxy extends BookingsResource {
        }
        assertThat(ResourcePaths.template(Proxy.class, BookingsResource.class.getMethod("getBooking", long.class)))
                .isEqualTo("/bookings/{id}");
    }

    @Test
    void methodsBeyondHttpsOwnAreOneSeries() {
        assertThat(RequestTimes.method("GET")).isEqualTo("GET");
        assertThat(RequestTimes.method("PROPFIND")).isEqualTo("OTHER");
    }
}
