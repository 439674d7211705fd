package dev.tenure.access.support;

import dev.tenure.testkit.SambaAdDirectory;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/**
 * Points the service's directory connector at the test kit's Samba AD domain controller. A test resource, not the
 * profile, starts it: a profile is also instantiated in another class loader, where a second "shared" instance would
 * find Samba's fixed ports taken by the first.
 */
public class SambaAdTestResource implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        SambaAdDirectory samba = SambaAdDirectory.shared();
        return Map.ofEntries(
                Map.entry("tenure.access.directory.kind", "active-directory"),
                Map.entry("tenure.access.directory.urls", samba.ldapsUrl()),
                Map.entry("tenure.access.directory.bind-dn", samba.adminDn()),
                Map.entry("tenure.access.directory.bind-password", samba.adminPassword()),
                Map.entry("tenure.access.directory.users-base-dn", samba.usersDn()),
                Map.entry("tenure.access.directory.groups-base-dn", samba.usersDn()),
                Map.entry("tenure.access.directory.mail-domain", SambaAdDirectory.DNS_DOMAIN),
                Map.entry("tenure.access.directory.upn-suffix", samba.upnSuffix()),
                Map.entry("tenure.access.directory.trusted-certificates", samba.caCertificate().toString()));
    }

    @Override
    public void stop() {
        // shared by the test JVM; stopped when it ends
    }
}
