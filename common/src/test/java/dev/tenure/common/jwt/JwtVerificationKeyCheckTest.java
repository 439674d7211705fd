package dev.tenure.common.jwt;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JwtVerificationKeyCheckTest {

    @Test
    void shouldAcceptTheAbsolutePathOfAReadableKeyWithOrWithoutFileScheme(@TempDir Path dir) throws Exception {
        Path key = Files.writeString(dir.resolve("public-key.pem"), "-----BEGIN PUBLIC KEY-----\n");

        assertThatCode(() -> JwtVerificationKeyCheck.requireReadable(key.toString())).doesNotThrowAnyException();
        assertThatCode(() -> JwtVerificationKeyCheck.requireReadable("file:" + key)).doesNotThrowAnyException();
    }

    @Test
    void shouldLeaveJwksUrlsAndClasspathKeysToSmallryeJwt() {
        assertThatCode(() -> JwtVerificationKeyCheck.requireReadable("https://idp.example/jwks")).doesNotThrowAnyException();
        assertThatCode(() -> JwtVerificationKeyCheck.requireReadable("http://idp.example/jwks")).doesNotThrowAnyException();
        assertThatCode(() -> JwtVerificationKeyCheck.requireReadable("classpath:jwt/key.pem")).doesNotThrowAnyException();
    }

    @Test
    void shouldRefuseARelativePath() {
        assertThatThrownBy(() -> JwtVerificationKeyCheck.requireReadable("keys/public-key.pem"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("the token verification key keys/public-key.pem (TENURE_JWT_PUBLIC_KEY) is not an absolute path; "
                        + "give the absolute path of a PEM public key or JWKS file, or a JWKS URL");
    }

    @Test
    void shouldRefuseAFileThatCannotBeRead(@TempDir Path dir) {
        String missing = dir.resolve("missing.pem").toString();

        assertThatThrownBy(() -> JwtVerificationKeyCheck.requireReadable(missing))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("the token verification key " + missing + " (TENURE_JWT_PUBLIC_KEY) is not readable");
    }
}
