package dev.evently.tools;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.security.KeyFactory;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;

import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.compressors.xz.XZCompressorOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ToolsTest {

    @TempDir
    Path dir;

    @Test
    void unpacksTarXzKeepingExecutableBitsAndLinks() throws IOException {
        Path archive = dir.resolve("bin.txz");
        try (OutputStream out = Files.newOutputStream(archive);
             TarArchiveOutputStream tar = new TarArchiveOutputStream(new XZCompressorOutputStream(out))) {
            byte[] script = "#!/bin/sh\necho hi\n".getBytes(StandardCharsets.UTF_8);
            TarArchiveEntry file = new TarArchiveEntry("bin/postgres");
            file.setSize(script.length);
            file.setMode(0755);
            tar.putArchiveEntry(file);
            tar.write(script);
            tar.closeArchiveEntry();
            TarArchiveEntry link = new TarArchiveEntry("bin/postmaster", TarArchiveEntry.LF_SYMLINK);
            link.setLinkName("postgres");
            tar.putArchiveEntry(link);
            tar.closeArchiveEntry();
        }

        Tools.untarXz(archive, dir.resolve("out"));

        Path postgres = dir.resolve("out/bin/postgres");
        assertThat(postgres).hasContent("#!/bin/sh\necho hi");
        assertThat(Files.getPosixFilePermissions(postgres)).contains(PosixFilePermission.OWNER_EXECUTE);
        assertThat(Files.isSymbolicLink(dir.resolve("out/bin/postmaster"))).isTrue();
    }

    @Test
    void refusesEntriesThatEscapeTheTarget() throws IOException {
        Path archive = dir.resolve("evil.txz");
        try (OutputStream out = Files.newOutputStream(archive);
             TarArchiveOutputStream tar = new TarArchiveOutputStream(new XZCompressorOutputStream(out))) {
            TarArchiveEntry file = new TarArchiveEntry("../escaped");
            file.setSize(0);
            tar.putArchiveEntry(file);
            tar.closeArchiveEntry();
        }

        assertThatThrownBy(() -> Tools.untarXz(archive, dir.resolve("out")))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("outside");
        assertThat(dir.resolve("escaped")).doesNotExist();
    }

    @Test
    void writesAMatchingRsaKeyPairOnceAndKeepsIt() throws Exception {
        Tools.writeKeyPair(dir);
        String firstPublic = Files.readString(dir.resolve("jwt-public.pem"));

        RSAPublicKey publicKey = (RSAPublicKey) KeyFactory.getInstance("RSA")
                .generatePublic(new X509EncodedKeySpec(der(firstPublic)));
        KeyFactory.getInstance("RSA").generatePrivate(
                new PKCS8EncodedKeySpec(der(Files.readString(dir.resolve("jwt-private.pem")))));
        assertThat(publicKey.getModulus().bitLength()).isEqualTo(2048);
        assertThat(Files.getPosixFilePermissions(dir.resolve("jwt-private.pem")))
                .containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);

        Tools.writeKeyPair(dir);
        assertThat(Files.readString(dir.resolve("jwt-public.pem"))).isEqualTo(firstPublic);
    }

    @Test
    void secretsAreRandomAndUrlSafe() {
        String one = Tools.secret(24);
        assertThat(one).hasSize(32).matches("[A-Za-z0-9_-]+");
        assertThat(Tools.secret(24)).isNotEqualTo(one);
    }

    private static byte[] der(String pem) {
        return Base64.getMimeDecoder().decode(pem.replaceAll("-----[A-Z ]+-----", ""));
    }
}
