package dev.tenure.common.jwt;

import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import java.nio.file.Files;
import java.nio.file.Path;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Refuses to start without a readable token-verification key ({@code mp.jwt.verify.publickey.location}, env
 * TENURE_JWT_PUBLIC_KEY): otherwise every request, health checks included, would fail later with a 500 instead of the
 * operator seeing one clear line now. A service turns it on with a bean of its own,
 * {@code @ApplicationScoped public class JwtKeyCheck extends JwtVerificationKeyCheck {}} (CDI observer methods are
 * inherited); abstract, so that depending on this module does not turn it on for every service.
 */
public abstract class JwtVerificationKeyCheck {

    void check(@Observes Startup startup,
               @ConfigProperty(name = "mp.jwt.verify.publickey.location") String location) {
        requireReadable(location);
    }

    /**
     * Passes for a JWKS URL ({@code http://}, {@code https://}) or a {@code classpath:} resource, which smallrye-jwt
     * fetches and checks itself, and for the absolute path (optionally as a {@code file:} URL) of a readable file.
     *
     * @throws IllegalStateException for a relative path or a file that cannot be read, saying which
     */
    static void requireReadable(String location) {
        if (location.startsWith("http://") || location.startsWith("https://") || location.startsWith("classpath:")) {
            return; // a JWKS URL (e.g. an OIDC issuer's) is fetched and checked by smallrye-jwt itself
        }
        Path file = Path.of(location.startsWith("file:") ? location.substring("file:".length()) : location);
        if (!file.isAbsolute() || !Files.isReadable(file)) {
            throw new IllegalStateException("the token verification key " + location + " (TENURE_JWT_PUBLIC_KEY) is "
                    + (file.isAbsolute() ? "not readable" : "not an absolute path")
                    + "; give the absolute path of a PEM public key or JWKS file, or a JWKS URL");
        }
    }
}
