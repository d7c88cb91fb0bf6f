package dev.evently.system;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The first server's process as an operator on its machine sees it: its pid, its heap, the sockets it listens on. */
final class Server {

    /** The first server's domain (./evently test passes it). */
    static final Path DOMAIN_DIR = Path.of(System.getProperty("evently.domain-dir", "../.evently/domains/evently"));
    private static final Pattern HISTOGRAM_TOTAL = Pattern.compile("(?m)^Total\\s+\\d+\\s+(\\d+)\\s*$");

    private Server() {
    }

    static long pid() throws IOException {
        return Long.parseLong(Files.readString(DOMAIN_DIR.resolve("config/pid")).strip());
    }

    /**
     * Bytes of heap the server's live objects take, counted in the pause of a full collection (jcmd
     * GC.class_histogram): what a request in flight keeps, without the garbage it makes meanwhile (GC.run followed
     * by GC.heap_info counted whatever a busy thread allocated between the two commands as well).
     */
    static long heapAfterGc() throws IOException, InterruptedException {
        Matcher live = HISTOGRAM_TOTAL.matcher(jcmd("GC.class_histogram"));
        if (!live.find()) {
            throw new AssertionError("no total from jcmd GC.class_histogram");
        }
        return Long.parseLong(live.group(1));
    }

    private static String jcmd(String command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder("jcmd", String.valueOf(pid()), command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        if (process.waitFor() != 0) {
            throw new AssertionError("jcmd " + command + " failed: " + output);
        }
        return output;
    }

    /**
     * The TCP addresses the server process listens on, as "address:port" ("0.0.0.0:8080", "::1:4848"), read from
     * /proc as {@code ss -ltnp} does: the listening sockets of /proc/net/tcp{,6} whose inode the process holds.
     */
    static Set<String> listening() throws IOException {
        Set<String> inodes = new HashSet<>();
        try (DirectoryStream<Path> fds = Files.newDirectoryStream(Path.of("/proc", String.valueOf(pid()), "fd"))) {
            for (Path fd : fds) {
                try {
                    String target = Files.readSymbolicLink(fd).toString();
                    if (target.startsWith("socket:[")) {
                        inodes.add(target.substring(8, target.length() - 1));
                    }
                } catch (IOException gone) {
                    // closed while listed
                }
            }
        }
        Set<String> listening = new TreeSet<>();
        for (String table : List.of("/proc/net/tcp", "/proc/net/tcp6")) {
            List<String> lines = Files.readAllLines(Path.of(table));
            for (String line : lines.subList(1, lines.size())) {
                String[] f = line.trim().split("\\s+");
                if (f[3].equals("0A") && inodes.contains(f[9])) {  // 0A: LISTEN
                    listening.add(address(f[1]));
                }
            }
        }
        return listening;
    }

    /** /proc/net's hex "address:port" (little-endian words) as text; IPv4-mapped IPv6 as IPv4. */
    private static String address(String hex) {
        String[] parts = hex.split(":");
        int port = Integer.parseInt(parts[1], 16);
        String a = parts[0];
        StringBuilder text = new StringBuilder();
        if (a.length() == 8) {
            for (int i = 3; i >= 0; i--) {
                text.append(Integer.parseInt(a.substring(i * 2, i * 2 + 2), 16)).append(i > 0 ? "." : "");
            }
            return text + ":" + port;
        }
        byte[] bytes = new byte[16];
        for (int word = 0; word < 4; word++) {
            for (int b = 0; b < 4; b++) {
                bytes[word * 4 + b] = (byte) Integer.parseInt(a.substring(word * 8 + (3 - b) * 2, word * 8 + (3 - b) * 2 + 2), 16);
            }
        }
        boolean mapped = true;
        for (int i = 0; i < 10; i++) {
            mapped &= bytes[i] == 0;
        }
        mapped &= bytes[10] == (byte) 0xff && bytes[11] == (byte) 0xff;
        if (mapped) {
            return (bytes[12] & 0xff) + "." + (bytes[13] & 0xff) + "." + (bytes[14] & 0xff) + "." + (bytes[15] & 0xff) + ":" + port;
        }
        try {
            return java.net.InetAddress.getByAddress(bytes).getHostAddress() + ":" + port;
        } catch (java.net.UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }
}
