package dev.evently.tools;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.EnumSet;
import java.util.Set;

import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.xz.XZCompressorInputStream;

/**
 * The steps of the evently script that a bare JDK cannot do from the shell alone: unpacking the
 * PostgreSQL binaries (.txz), generating local development keys and secrets, and polling HTTP
 * endpoints with a deadline (no curl on a fresh machine).
 */
public final class Tools {

    private Tools() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 0) {
            usage(System.err);
            System.exit(2);
        }
        int code = switch (args[0]) {
            case "untar-xz" -> {
                untarXz(Path.of(args[1]), Path.of(args[2]));
                yield 0;
            }
            case "keys" -> {
                writeKeyPair(Path.of(args[1]));
                yield 0;
            }
            case "secret" -> {
                System.out.println(secret(args.length > 1 ? Integer.parseInt(args[1]) : 24));
                yield 0;
            }
            case "wait-http" -> waitHttp(args[1], Duration.ofSeconds(Long.parseLong(args[2])),
                    args.length > 3 ? Integer.parseInt(args[3]) : 200);
            case "get" -> get(args[1]);
            default -> {
                usage(System.err);
                yield 2;
            }
        };
        System.exit(code);
    }

    private static void usage(PrintStream out) {
        out.println("""
                usage: evently-tools <command>
                  untar-xz <archive.txz> <dir>       unpack a tar.xz archive, keeping modes and links
                  keys <dir>                         create jwt-private.pem / jwt-public.pem unless present
                  secret [bytes]                     print a random URL-safe secret
                  wait-http <url> <seconds> [status] poll until the URL answers with the status
                  get <url>                          print status and body of a GET""");
    }

    static void untarXz(Path archive, Path target) throws IOException {
        Files.createDirectories(target);
        Path root = target.toAbsolutePath().normalize();
        try (InputStream file = new BufferedInputStream(Files.newInputStream(archive));
             TarArchiveInputStream tar = new TarArchiveInputStream(new XZCompressorInputStream(file))) {
            TarArchiveEntry entry;
            while ((entry = tar.getNextEntry()) != null) {
                Path out = root.resolve(entry.getName()).normalize();
                if (!out.startsWith(root)) {
                    throw new IOException("entry outside the target directory: " + entry.getName());
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(out);
                } else if (entry.isSymbolicLink()) {
                    Files.createDirectories(out.getParent());
                    Files.deleteIfExists(out);
                    Files.createSymbolicLink(out, Path.of(entry.getLinkName()));
                } else if (entry.isLink()) {
                    Files.createDirectories(out.getParent());
                    Files.deleteIfExists(out);
                    Files.createLink(out, root.resolve(entry.getLinkName()).normalize());
                } else {
                    Files.createDirectories(out.getParent());
                    Files.copy(tar, out, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                    Files.setPosixFilePermissions(out, permissions(entry.getMode()));
                }
            }
        }
    }

    static Set<PosixFilePermission> permissions(int mode) {
        Set<PosixFilePermission> perms = EnumSet.noneOf(PosixFilePermission.class);
        PosixFilePermission[] bits = {
                PosixFilePermission.OTHERS_EXECUTE, PosixFilePermission.OTHERS_WRITE, PosixFilePermission.OTHERS_READ,
                PosixFilePermission.GROUP_EXECUTE, PosixFilePermission.GROUP_WRITE, PosixFilePermission.GROUP_READ,
                PosixFilePermission.OWNER_EXECUTE, PosixFilePermission.OWNER_WRITE, PosixFilePermission.OWNER_READ};
        for (int i = 0; i < bits.length; i++) {
            if ((mode & (1 << i)) != 0) {
                perms.add(bits[i]);
            }
        }
        return perms;
    }

    /** RS256 signing keys for local development; a deployment brings its own. */
    static void writeKeyPair(Path dir) throws Exception {
        Path privatePem = dir.resolve("jwt-private.pem");
        Path publicPem = dir.resolve("jwt-public.pem");
        if (Files.exists(privatePem) && Files.exists(publicPem)) {
            return;
        }
        Files.createDirectories(dir);
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        KeyPair pair = generator.generateKeyPair();
        Files.writeString(privatePem, pem("PRIVATE KEY", pair.getPrivate().getEncoded()));
        Files.setPosixFilePermissions(privatePem, PosixFilePermissions.fromString("rw-------"));
        Files.writeString(publicPem, pem("PUBLIC KEY", pair.getPublic().getEncoded()));
    }

    static String pem(String type, byte[] der) {
        String body = Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(der);
        return "-----BEGIN " + type + "-----\n" + body + "\n-----END " + type + "-----\n";
    }

    static String secret(int bytes) {
        byte[] random = new byte[bytes];
        new SecureRandom().nextBytes(random);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    }

    static int waitHttp(String url, Duration timeout, int expected) throws InterruptedException {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        Instant deadline = Instant.now().plus(timeout);
        String last = "no answer";
        while (Instant.now().isBefore(deadline)) {
            try {
                HttpResponse<String> response = client.send(
                        HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(5)).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == expected) {
                    return 0;
                }
                last = response.statusCode() + " " + response.body();
            } catch (IOException e) {
                last = e.getClass().getSimpleName();
            }
            Thread.sleep(500);
        }
        System.err.println(url + " did not answer " + expected + " within " + timeout.toSeconds() + " s; last: " + last);
        return 1;
    }

    static int get(String url) throws InterruptedException {
        try {
            HttpResponse<String> response = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(5)).build(),
                    HttpResponse.BodyHandlers.ofString());
            System.out.println(response.statusCode() + " " + response.body());
            return response.statusCode() < 400 ? 0 : 1;
        } catch (IOException e) {
            System.out.println("unreachable (" + e.getClass().getSimpleName() + ")");
            return 1;
        }
    }
}
