package dev.evently.accounts.control;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;

/** The token keys' files: PEM, named by a path or by a {@code file:} URL as the {@code *.location} settings do. */
final class KeyFiles {

    private KeyFiles() {
    }

    /** The DER bytes inside the PEM file at {@code location}. */
    static byte[] der(String location) throws IOException {
        String pem = Files.readString(Path.of(location.replaceFirst("^file:", "")));
        return Base64.getMimeDecoder().decode(pem.replaceAll("-----[A-Z ]+-----", ""));
    }
}
