package dev.tenure.access.rest;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.nio.file.Files;
import java.nio.file.Path;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Refuses to start without a readable token-verification key: otherwise every request, health
 * checks included, would fail later with a 500 instead of the operator seeing one clear line now.
 */
@ApplicationScoped
public class JwtKeyCheck {

    @ConfigProperty(name = "mp.jwt.verify.publickey.location")
    String location;

    void check(@Observes StartupEvent startup) {
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
