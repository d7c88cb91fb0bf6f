package dev.evently.catalog.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

class JsonBytesTest {

    private static String written(JsonBytes json) {
        return new String(json.toBytes(), StandardCharsets.UTF_8);
    }

    @Test
    void structureNumbersAndPlainStringsComeOutAsWritten() {
        JsonBytes json = new JsonBytes(0).ascii("{\"id\":").number(-42).ascii(",\"row\":").string("AA").ascii("}");

        assertThat(written(json)).isEqualTo("{\"id\":-42,\"row\":\"AA\"}");
    }

    @Test
    void quotesBackslashesAndControlCharactersAreEscaped() {
        String value = "a\"b\\c\nd\re\tf\bg\fh\u0001i\u001f";

        assertThat(written(new JsonBytes(4).string(value)))
                .isEqualTo("\"a\\\"b\\\\c\\nd\\re\\tf\\bg\\fh\\u0001i\\u001f\"");
    }

    @Test
    void everythingElseIsUtf8AsJavaEncodesIt() {
        String value = "Parkett é · 座席 🎫 / end";

        JsonBytes json = new JsonBytes(1).string(value);

        assertThat(json.toBytes()).isEqualTo(("\"" + value + "\"").getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void aLoneSurrogateBecomesAQuestionMarkAsInStringGetBytes() {
        String value = "x\uD83Dy";

        assertThat(new JsonBytes(8).string(value).toBytes())
                .isEqualTo(("\"" + value + "\"").getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void piecesWrittenBeforeAreCopiedInAsTheyAre() {
        byte[] piece = new JsonBytes(8).ascii("{\"id\":").number(7).ascii(",\"status\":\"").toBytes();

        JsonBytes json = new JsonBytes(4).ascii("[").bytes(piece).ascii("HELD\"}").ascii(",")
                .bytes(piece, 0, 6).ascii("8}]");

        assertThat(json.size()).isEqualTo(json.toBytes().length);
        assertThat(written(json)).isEqualTo("[{\"id\":7,\"status\":\"HELD\"},{\"id\":8}]");
    }

    @Test
    void theBufferGrowsPastItsExpectedSize() {
        JsonBytes json = new JsonBytes(64);
        StringBuilder expected = new StringBuilder();
        for (int i = 0; i < 5_000; i++) {
            json.ascii(i == 0 ? "[" : ",").string("seat " + i);
            expected.append(i == 0 ? "[" : ",").append("\"seat ").append(i).append('"');
        }
        json.ascii("]");

        assertThat(written(json)).isEqualTo(expected.append(']').toString());
    }
}
