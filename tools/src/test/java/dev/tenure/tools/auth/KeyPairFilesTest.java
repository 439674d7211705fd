package dev.tenure.tools.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPair;
import java.security.interfaces.RSAPublicKey;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KeyPairFilesTest {

    @Test
    void shouldWritePkcs8AndX509PemFilesThatReadBack(@TempDir Path dir) throws Exception {
        KeyPair pair = KeyPairFiles.generateInto(dir, false);

        String privatePem = Files.readString(dir.resolve(KeyPairFiles.PRIVATE_KEY_FILE));
        String publicPem = Files.readString(dir.resolve(KeyPairFiles.PUBLIC_KEY_FILE));
        assertThat(privatePem).startsWith("-----BEGIN PRIVATE KEY-----\n").endsWith("-----END PRIVATE KEY-----\n");
        assertThat(publicPem).startsWith("-----BEGIN PUBLIC KEY-----\n").endsWith("-----END PUBLIC KEY-----\n");
        assertThat(privatePem.lines()).allSatisfy(line -> assertThat(line.length()).isLessThanOrEqualTo(64));
        assertThat(KeyPairFiles.readPrivateKey(dir.resolve(KeyPairFiles.PRIVATE_KEY_FILE)).getEncoded())
                .isEqualTo(pair.getPrivate().getEncoded());
        assertThat(KeyPairFiles.readPublicKey(dir.resolve(KeyPairFiles.PUBLIC_KEY_FILE)).getEncoded())
                .isEqualTo(pair.getPublic().getEncoded());
        assertThat(((RSAPublicKey) pair.getPublic()).getModulus().bitLength()).isEqualTo(2048);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve(KeyPairFiles.PRIVATE_KEY_FILE))))
                .isEqualTo("rw-------");
    }

    @Test
    void shouldNotReplaceExistingKeysUnlessAsked(@TempDir Path dir) {
        KeyPair first = KeyPairFiles.generateInto(dir, false);

        assertThatThrownBy(() -> KeyPairFiles.generateInto(dir, false)).isInstanceOf(UncheckedIOException.class);
        assertThat(KeyPairFiles.readPublicKey(dir.resolve(KeyPairFiles.PUBLIC_KEY_FILE)).getEncoded())
                .isEqualTo(first.getPublic().getEncoded());
        KeyPair second = KeyPairFiles.generateInto(dir, true);
        assertThat(KeyPairFiles.readPublicKey(dir.resolve(KeyPairFiles.PUBLIC_KEY_FILE)).getEncoded())
                .isEqualTo(second.getPublic().getEncoded());
    }

    @Test
    void shouldDeriveThePublicKeyFromThePrivateKey() {
        KeyPair pair = KeyPairFiles.generate();

        assertThat(KeyPairFiles.publicKeyOf(pair.getPrivate()).getEncoded()).isEqualTo(pair.getPublic().getEncoded());
    }

    @Test
    void shouldExplainAPkcs1KeyInsteadOfFailingObscurely(@TempDir Path dir) throws Exception {
        Path pkcs1 = dir.resolve("rsa.pem");
        Files.writeString(pkcs1, "-----BEGIN RSA PRIVATE KEY-----\nMIIB\n-----END RSA PRIVATE KEY-----\n");

        assertThatThrownBy(() -> KeyPairFiles.readPrivateKey(pkcs1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("PKCS#1").hasMessageContaining("openssl pkcs8");
    }

    @Test
    void shouldKeepAnExistingPairAndRefuseHalfAPair(@TempDir Path dir) throws Exception {
        // Given a pair made by a first start
        KeyPairFiles.ensureIn(dir);
        String privateKey = Files.readString(dir.resolve(KeyPairFiles.PRIVATE_KEY_FILE));

        // When a second start ensures it again, the pair is kept
        KeyPairFiles.ensureIn(dir);
        assertThat(Files.readString(dir.resolve(KeyPairFiles.PRIVATE_KEY_FILE))).isEqualTo(privateKey);

        // And half a pair is an error that names the missing half, not a silent new pair
        Files.delete(dir.resolve(KeyPairFiles.PUBLIC_KEY_FILE));
        assertThatThrownBy(() -> KeyPairFiles.ensureIn(dir)).hasMessageContaining("holds only private-key.pem");
    }
}
