package dev.tenure.tools.auth;

import dev.tenure.tools.cli.Options;
import java.nio.file.Path;
import java.util.Set;

/** {@code keys --dir DIR [--force]}: a new RSA-2048 pair as private-key.pem and public-key.pem. */
public final class KeysMain {

    public static final String USAGE = "keys [--dir keys] [--force]\n"
            + "  writes DIR/" + KeyPairFiles.PRIVATE_KEY_FILE + " (PKCS#8) and DIR/" + KeyPairFiles.PUBLIC_KEY_FILE
            + " (X.509); --force replaces existing files";

    private KeysMain() {
    }

    public static void main(String[] args) {
        Options options = Options.parse(args, Set.of("dir"), Set.of("force"));
        Path dir = Path.of(options.string("dir", "keys"));
        KeyPairFiles.generateInto(dir, options.flag("force"));
        System.out.println("wrote " + dir.resolve(KeyPairFiles.PRIVATE_KEY_FILE) + " (keep it with the callers)");
        System.out.println("wrote " + dir.resolve(KeyPairFiles.PUBLIC_KEY_FILE)
                + " (give it to the service: TENURE_JWT_PUBLIC_KEY=" + dir.resolve(KeyPairFiles.PUBLIC_KEY_FILE).toAbsolutePath() + ")");
    }
}
