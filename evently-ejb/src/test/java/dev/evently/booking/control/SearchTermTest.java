package dev.evently.booking.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

import dev.evently.booking.control.SearchTerm.Kind;

class SearchTermTest {

    @Test
    void anEmptyBoxListsTheNewest() {
        assertThat(SearchTerm.of(null).kind()).isEqualTo(Kind.ALL);
        assertThat(SearchTerm.of("   ").kind()).isEqualTo(Kind.ALL);
    }

    @Test
    void aNumberIsABookingId() {
        assertThat(SearchTerm.of(" 4711 ")).isEqualTo(new SearchTerm(Kind.BOOKING_ID, null, 4711, null));
        assertThat(SearchTerm.of("#12").number()).isEqualTo(12);
        assertThat(SearchTerm.of("1234567890123456789").kind()).as("too long for an id").isEqualTo(Kind.NAME);
    }

    @Test
    void anAtSignMakesAnEmailInLowerCase() {
        assertThat(SearchTerm.of("Shopper-1@Example.org")).isEqualTo(new SearchTerm(Kind.EMAIL, "shopper-1@example.org", 0, null));
        assertThat(SearchTerm.of("shopper-1@").kind()).isEqualTo(Kind.EMAIL);
    }

    @Test
    void aTicketCodeWholeOrItsStartNamesItsBooking() {
        String code = "EVT1-951-3301-abcdefghijABCDEFGHIJ0123456789_-";
        assertThat(SearchTerm.of(code)).isEqualTo(new SearchTerm(Kind.TICKET_CODE, code, 951, null));
        assertThat(SearchTerm.of("evt1-951-33").text()).isEqualTo("EVT1-951-33");
        assertThat(SearchTerm.of("EVT1-951").number()).isEqualTo(951);
    }

    @Test
    void aSeatLabelWithOrWithoutItsSection() {
        assertThat(SearchTerm.of("Floor A-1")).isEqualTo(new SearchTerm(Kind.SEAT, "floor", 1, "A"));
        assertThat(SearchTerm.of("a-12")).isEqualTo(new SearchTerm(Kind.SEAT, null, 12, "A"));
        assertThat(SearchTerm.of("Upper  Balcony  C-7")).isEqualTo(new SearchTerm(Kind.SEAT, "upper  balcony", 7, "C"));
    }

    @Test
    void anythingElseIsPartOfAName() {
        assertThat(SearchTerm.of("Ada Lovelace")).isEqualTo(new SearchTerm(Kind.NAME, "ada lovelace", 0, null));
        assertThat(SearchTerm.of("Jean-Luc").kind()).isEqualTo(Kind.NAME);
    }

    @Test
    void likeWildcardsAreTakenLiterally() {
        assertThat(SearchTerm.likeLiteral("50%_off\\")).isEqualTo("50\\%\\_off\\\\");
    }

    @Test
    void anOverlongBoxIsRefused() {
        assertThatThrownBy(() -> SearchTerm.of("x".repeat(SearchTerm.MAX_LENGTH + 1)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
