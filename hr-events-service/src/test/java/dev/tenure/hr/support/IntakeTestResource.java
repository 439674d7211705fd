package dev.tenure.hr.support;

import dev.tenure.testkit.TenurePeers;
import dev.tenure.testkit.TenurePeersTestResource;
import java.util.HashMap;
import java.util.Map;

/**
 * The real broker and registry, the catalogue's topics, and a key pair whose public half the
 * service verifies tokens with (the production code path) and whose private half {@link Tokens}
 * signs test callers' tokens with.
 */
public class IntakeTestResource extends TenurePeersTestResource {

    @Override
    public Map<String, String> start() {
        Map<String, String> config = new HashMap<>(super.start());
        TenurePeers peers = TenurePeers.shared();
        CatalogueTopics.createOn(peers);
        config.put("mp.jwt.verify.publickey.location", Tokens.publicKeyFile().toString());
        config.put("mp.jwt.verify.issuer", Tokens.ISSUER);
        return config;
    }
}
