package dev.evently.system;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Redis as an operator's redis-cli sees it: one command at a time over RESP, on the server ./evently test
 * passes (evently.redis-url, with its password if it has one).
 */
final class RedisProbe implements AutoCloseable {

    static final String URL = System.getProperty("evently.redis-url", "redis://127.0.0.1:16379");

    private final Socket socket = new Socket();
    private final InputStream in;
    private final OutputStream out;

    RedisProbe() throws IOException {
        URI uri = URI.create(URL);
        socket.connect(new InetSocketAddress(uri.getHost(), uri.getPort() < 0 ? 6379 : uri.getPort()), 5000);
        socket.setSoTimeout(10_000);
        in = new BufferedInputStream(socket.getInputStream());
        out = socket.getOutputStream();
        String user = uri.getUserInfo();
        if (user != null && user.contains(":")) {
            String password = user.substring(user.indexOf(':') + 1);
            call(user.startsWith(":") ? List.of("AUTH", password) : List.of("AUTH", user.substring(0, user.indexOf(':')), password));
        }
    }

    long dbSize() throws IOException {
        return (Long) call(List.of("DBSIZE"));
    }

    /** CONFIG GET name → its value. */
    String config(String name) throws IOException {
        List<?> pair = (List<?>) call(List.of("CONFIG", "GET", name));
        return pair.size() < 2 ? null : (String) pair.get(1);
    }

    Object call(List<String> command) throws IOException {
        StringBuilder request = new StringBuilder("*" + command.size() + "\r\n");
        for (String part : command) {
            request.append('$').append(part.getBytes(StandardCharsets.UTF_8).length).append("\r\n").append(part).append("\r\n");
        }
        out.write(request.toString().getBytes(StandardCharsets.UTF_8));
        out.flush();
        return reply();
    }

    private Object reply() throws IOException {
        int kind = in.read();
        String line = line();
        switch (kind) {
            case '+':
                return line;
            case '-':
                throw new IOException("Redis: " + line);
            case ':':
                return Long.parseLong(line);
            case '$': {
                int length = Integer.parseInt(line);
                if (length < 0) {
                    return null;
                }
                byte[] bytes = in.readNBytes(length + 2);
                return new String(bytes, 0, length, StandardCharsets.UTF_8);
            }
            case '*': {
                int count = Integer.parseInt(line);
                List<Object> items = new ArrayList<>();
                for (int i = 0; i < count; i++) {
                    items.add(reply());
                }
                return items;
            }
            default:
                throw new IOException("not RESP: " + (char) kind + line);
        }
    }

    private String line() throws IOException {
        StringBuilder line = new StringBuilder();
        for (int c = in.read(); c != '\r'; c = in.read()) {
            if (c < 0) {
                throw new IOException("Redis closed the connection");
            }
            line.append((char) c);
        }
        in.read();  // \n
        return line.toString();
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
