package dev.evently.platform.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;

import org.eclipse.microprofile.openapi.models.media.Schema.SchemaType;
import org.junit.jupiter.api.Test;

class SchemaRepairsTest {

    @Test
    void anExampleWrittenAsTextGetsItsSchemasType() {
        assertThat(SchemaRepairs.typed("42", SchemaType.INTEGER)).isEqualTo(42L);
        assertThat(SchemaRepairs.typed(" 900 ", SchemaType.INTEGER)).isEqualTo(900L);
        assertThat(SchemaRepairs.typed("0.75", SchemaType.NUMBER)).isEqualTo(new BigDecimal("0.75"));
        assertThat(SchemaRepairs.typed("true", SchemaType.BOOLEAN)).isEqualTo(true);
        assertThat(SchemaRepairs.typed("Floor", SchemaType.STRING)).isEqualTo("Floor");
        assertThat(SchemaRepairs.typed(7L, SchemaType.INTEGER)).as("already typed").isEqualTo(7L);
    }

    @Test
    void anExampleThatDoesNotFitItsTypeIsDropped() {
        assertThat(SchemaRepairs.typed("forty-two", SchemaType.INTEGER)).isNull();
        assertThat(SchemaRepairs.typed("2027-06-01T19:00:00Z", SchemaType.OBJECT))
                .as("text that is not a JSON object or array is not read as one (a lenient reader took 2027)").isNull();
        assertThat(SchemaRepairs.typed("", SchemaType.ARRAY)).isNull();
    }
}
