package dev.evently.catalog.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.OutboundSseEvent;

import org.junit.jupiter.api.Test;

class WholeSseEventsTest {

    private final WholeSseEvents writer = new WholeSseEvents();

    @Test
    void anEventIsItsNameIdAndDataLinesAndTheStreamEndsIt() throws IOException {
        assertThat(written(new Event("seats", "1042", null, -1, "{\"seats\":{\"HELD\":[7,8]}}")))
                .isEqualTo("event: seats\nid: 1042\ndata: {\"seats\":{\"HELD\":[7,8]}}\n");
    }

    @Test
    void dataOnSeveralLinesIsSeveralDataFieldsAndALineBreakCannotEndAField() throws IOException {
        assertThat(written(new Event("snap\nshot", "1\r\n2", null, 1000, "a\r\nb\nc")))
                .isEqualTo("event: snapshot\nid: 12\nretry: 1000\ndata: a\ndata: b\ndata: c\n");
    }

    @Test
    void aCommentAloneIsOnlyItsLines() throws IOException {
        assertThat(written(new Event(null, null, "", 1000, null))).isEqualTo(": \n");
        assertThat(written(new Event(null, null, "still\nhere", -1, null))).isEqualTo(": still\n: here\n");
        assertThat(written(new Event(null, null, "\r\rend\n", -1, null))).isEqualTo(": \n: \n: end\n: \n");
    }

    @Test
    void theWholeEventIsOneWrite() throws IOException {
        int[] writes = {0};
        ByteArrayOutputStream out = new ByteArrayOutputStream() {
            @Override
            public void write(int b) {
                writes[0]++;
                super.write(b);
            }

            @Override
            public void write(byte[] b, int off, int len) {
                writes[0]++;
                super.write(b, off, len);
            }
        };
        writer.writeTo(new Event("seats", "7", null, -1, "{}"), OutboundSseEvent.class, OutboundSseEvent.class,
                new Annotation[0], MediaType.SERVER_SENT_EVENTS_TYPE, null, out);
        assertThat(writes[0]).isEqualTo(1);
        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("event: seats\nid: 7\ndata: {}\n");
    }

    @Test
    void itWritesServerSentEventsOnly() {
        assertThat(writer.isWriteable(Event.class, Event.class, new Annotation[0], MediaType.SERVER_SENT_EVENTS_TYPE))
                .isTrue();
        assertThat(writer.isWriteable(Event.class, Event.class, new Annotation[0], MediaType.APPLICATION_JSON_TYPE))
                .isFalse();
        assertThat(writer.isWriteable(String.class, String.class, new Annotation[0], MediaType.SERVER_SENT_EVENTS_TYPE))
                .isFalse();
    }

    private String written(Event event) throws IOException {
        return new String(writer.frame(event, new Annotation[0], null), StandardCharsets.UTF_8);
    }

    /** An outbound event as JAX-RS's builder makes one (its data a string, or none for a comment). */
    private record Event(String name, String id, String comment, long delay, String data) implements OutboundSseEvent {

        @Override
        public String getId() {
            return id;
        }

        @Override
        public String getName() {
            return name;
        }

        @Override
        public String getComment() {
            return comment;
        }

        @Override
        public long getReconnectDelay() {
            return delay;
        }

        @Override
        public boolean isReconnectDelaySet() {
            return delay >= 0;
        }

        @Override
        public Class<?> getType() {
            return data == null ? null : String.class;
        }

        @Override
        public Type getGenericType() {
            return getType();
        }

        @Override
        public MediaType getMediaType() {
            return MediaType.APPLICATION_JSON_TYPE;
        }

        @Override
        public Object getData() {
            return data;
        }
    }
}
