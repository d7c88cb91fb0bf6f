package dev.evently.console.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PrettyJsonTest {

    @Test
    void anObjectIsIndentedOneMemberALine() {
        assertThat(PrettyJson.of("{\"id\":\"e-1\",\"data\":{\"seats\":[1, 2],\"empty\":{}},\"list\":[]}"))
                .isEqualTo("""
                        {
                          "id": "e-1",
                          "data": {
                            "seats": [
                              1,
                              2
                            ],
                            "empty": {}
                          },
                          "list": []
                        }""");
    }

    @Test
    void stringsAreCopiedAsTheyAreEscapesAndBracketsIncluded() {
        assertThat(PrettyJson.of("{\"a\":\"x, {y}: \\\"z\\\"  \\\\\"}"))
                .isEqualTo("{\n  \"a\": \"x, {y}: \\\"z\\\"  \\\\\"\n}");
    }

    @Test
    void whatIsNotJsonIsShownAsItCame() {
        assertThat(PrettyJson.of("not a payment 42")).isEqualTo("not a payment 42");
        assertThat(PrettyJson.of(null)).isEmpty();
        assertThat(PrettyJson.of("")).isEmpty();
    }

    @Test
    void aBodyCutShortStillReads() {
        assertThat(PrettyJson.of("{\"id\":\"e-1\",\"na")).isEqualTo("{\n  \"id\": \"e-1\",\n  \"na");
    }

    @Test
    void nestingDeeperThanTheLimitIndentsNoFurther() {
        String deep = "[".repeat(1000) + "1" + "]".repeat(1000);
        String pretty = PrettyJson.of(deep);
        assertThat(pretty.lines().mapToInt(String::length).max().orElseThrow())
                .isLessThanOrEqualTo(2 * PrettyJson.DEEPEST + 1);
    }
}
