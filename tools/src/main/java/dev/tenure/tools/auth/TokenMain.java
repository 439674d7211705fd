package dev.tenure.tools.auth;

import dev.tenure.tools.cli.Options;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;

/** {@code token --key private-key.pem ...}: prints one signed bearer token, e.g. for curl. */
public final class TokenMain {

    public static final String USAGE = "token --key keys/private-key.pem [--sub workday] [--group hris|dpc|dso|auditor|deskside]\n"
            + "      [--agency EOTSS] [--issuer " + JwtMinter.DEFAULT_ISSUER + "] [--audience AUD] [--ttl 1h]";

    private TokenMain() {
    }

    public static void main(String[] args) {
        Options options = Options.parse(args, Set.of("key", "sub", "group", "agency", "issuer", "audience", "ttl"), Set.of());
        JwtMinter minter = new JwtMinter(KeyPairFiles.readPrivateKey(Path.of(options.required("key"))),
                options.string("issuer", JwtMinter.DEFAULT_ISSUER), options.optional("audience").orElse(null),
                Clock.systemUTC());
        Caller caller = new Caller(options.string("sub", "workday"), options.list("group", List.of(Caller.HRIS)),
                options.optional("agency").orElse(null));
        System.out.println(minter.mint(caller, options.duration("ttl", Duration.ofHours(1))));
    }
}
