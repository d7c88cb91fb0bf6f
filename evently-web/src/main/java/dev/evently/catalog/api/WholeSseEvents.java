package dev.evently.catalog.api;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;

import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.MessageBodyWriter;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.Providers;
import jakarta.ws.rs.sse.OutboundSseEvent;

/**
 * Writes each Server-Sent Event as one piece: its text framed in memory, then written to the response at once. The
 * writer that comes with Payara's Jersey passes an event's data to the response one byte at a time, through four
 * layers of streams: with a stadium's 2,000 watchers each sent four events a second, that was a third of the cost of
 * the seat changes' stream. An application's writer is chosen before the implementation's own. It writes what
 * Jersey's does: the comment lines, then, for an event that has data, its name, id, reconnection delay and data
 * lines; the blank line that ends an event is the stream's, which Jersey's event sink writes after each one.
 * (RESTEasy's sink, on WildFly, always writes with its own writer.)
 */
@Provider
@Produces(MediaType.SERVER_SENT_EVENTS)
public class WholeSseEvents implements MessageBodyWriter<OutboundSseEvent> {

    @Context
    Providers providers;

    @Override
    public boolean isWriteable(Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
        return OutboundSseEvent.class.isAssignableFrom(type)
                && MediaType.SERVER_SENT_EVENTS_TYPE.isCompatible(mediaType);
    }

    @Override
    public void writeTo(OutboundSseEvent event, Class<?> type, Type genericType, Annotation[] annotations,
                        MediaType mediaType, MultivaluedMap<String, Object> headers, OutputStream entityStream)
            throws IOException {
        entityStream.write(frame(event, annotations, headers));
    }

    /** The event as the text the stream carries. */
    byte[] frame(OutboundSseEvent event, Annotation[] annotations, MultivaluedMap<String, Object> headers)
            throws IOException {
        StringBuilder text = new StringBuilder(128);
        if (event.getComment() != null) {
            lines(text, ": ", event.getComment());
        }
        if (event.getType() != null) {
            field(text, "event: ", event.getName());
            field(text, "id: ", event.getId());
            if (event.getReconnectDelay() >= 0) {
                text.append("retry: ").append(event.getReconnectDelay()).append('\n');
            }
            lines(text, "data: ", data(event, annotations, headers));
        }
        return text.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** The data as text: a string as it is, anything else as its own writer for the event's media type writes it. */
    private String data(OutboundSseEvent event, Annotation[] annotations, MultivaluedMap<String, Object> headers)
            throws IOException {
        Object data = event.getData();
        if (data instanceof String string) {
            return string;
        }
        if (data instanceof byte[] bytes) {
            return new String(bytes, StandardCharsets.UTF_8);
        }
        MediaType type = event.getMediaType() == null ? MediaType.TEXT_PLAIN_TYPE : event.getMediaType();
        @SuppressWarnings("unchecked")
        MessageBodyWriter<Object> writer = (MessageBodyWriter<Object>) providers.getMessageBodyWriter(
                event.getType(), event.getGenericType(), annotations, type);
        if (writer == null) {
            throw new IOException("no writer for an event's data of " + event.getType() + " as " + type);
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        writer.writeTo(data, event.getType(), event.getGenericType(), annotations, type, headers, bytes);
        return bytes.toString(StandardCharsets.UTF_8);
    }

    /** A one-line field; a line break in its value would end it, so none is kept. */
    private static void field(StringBuilder text, String lead, String value) {
        if (value != null) {
            text.append(lead).append(value.replace("\r", "").replace("\n", "")).append('\n');
        }
    }

    /** Each line of the value as a field of its own (a data or comment line cannot hold a line break). */
    private static void lines(StringBuilder text, String lead, String value) {
        int start = 0;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\n' || c == '\r') {
                text.append(lead).append(value, start, i).append('\n');
                if (c == '\r' && i + 1 < value.length() && value.charAt(i + 1) == '\n') {
                    i++;
                }
                start = i + 1;
            }
        }
        text.append(lead).append(value, start, value.length()).append('\n');
    }
}
