package dev.evently.paymentsimulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class JsonTest {

    @Test
    void readsFlatObjectsWithEveryScalarKindInOrder() {
        Map<String, Object> map = Json.parseObject(
                " {\"s\":\"a\\\"b\\\\c\\/\\n\\u00e9\", \"i\":-42, \"d\":0.25, \"e\":1e3, \"t\":true, \"f\":false, \"n\":null} ");

        assertThat(map.keySet()).containsExactly("s", "i", "d", "e", "t", "f", "n");
        assertThat(map.values()).containsExactly("a\"b\\c/\né", -42L, 0.25, 1000.0, true, false, null);
    }

    @Test
    void readsNestedValuesSoUnknownFieldsCanBeIgnored() {
        Map<String, Object> map = Json.parseObject("{\"a\":{\"b\":[1,{\"c\":[]}]},\"x\":1}");

        assertThat(map.get("x")).isEqualTo(1L);
        assertThat(map.get("a")).isEqualTo(Map.of("b", List.of(1L, Map.of("c", List.of()))));
    }

    @Test
    void keepsHugeIntegersExact() {
        assertThat(Json.parseObject("{\"n\":123456789012345678901234567890}").get("n"))
                .isEqualTo(new BigDecimal("123456789012345678901234567890"));
    }

    @Test
    void refusesMalformedInput() {
        for (String bad : new String[] {"", "[]", "{", "{\"a\"}", "{\"a\":}", "{\"a\":1,}", "{\"a\":1} x",
            "{\"a\":tru}", "{\"a\":\"unterminated}", "{\"a\":\"\\x\"}", "{\"a\":-}", "{\"a\":1-2}", "{a:1}",
            "{\"a\":\"raw\ncontrol\"}", "{\"a\":\"\\u12\"}"}) {
            assertThatThrownBy(() -> Json.parseObject(bad)).as(bad).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void refusesNestingDeepEnoughToHurt() {
        String deep = "{\"a\":" + "[".repeat(10_000) + "]".repeat(10_000) + "}";
        assertThatThrownBy(() -> Json.parseObject(deep)).hasMessageContaining("nested too deeply");
    }

    @Test
    void writesObjectsInInsertionOrderWithEscapes() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("id", "evt_1");
        map.put("text", "quote\" backslash\\ newline\n tab\t bell\u0007 line\u2028 é");
        map.put("amount", 9000L);
        map.put("rate", 0.1);
        map.put("ok", true);
        map.put("none", null);
        map.put("list", Arrays.asList(Map.of("a", 1), 2));

        assertThat(Json.write(map)).isEqualTo("{\"id\":\"evt_1\","
                + "\"text\":\"quote\\\" backslash\\\\ newline\\n tab\\t bell\\u0007 line\\u2028 é\","
                + "\"amount\":9000,\"rate\":0.1,\"ok\":true,\"none\":null,\"list\":[{\"a\":1},2]}");
    }

    @Test
    void writeThenReadGivesTheSameObject() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("s", "ünïcödé \u0000 \"x\"");
        map.put("n", Long.MIN_VALUE);
        map.put("d", -1.5e-7);
        map.put("empty", new ArrayList<>());

        assertThat(Json.parseObject(Json.write(map))).isEqualTo(map);
    }

    @Test
    void refusesToWriteWhatJsonCannotHold() {
        assertThatThrownBy(() -> Json.write(Double.NaN)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Json.write(new Object())).isInstanceOf(IllegalArgumentException.class);
    }
}
