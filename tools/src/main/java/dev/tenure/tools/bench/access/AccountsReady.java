package dev.tenure.tools.bench.access;

import com.unboundid.ldap.sdk.LDAPException;
import java.io.PrintStream;
import java.time.Duration;
import java.util.Map;

/** Waits until the directory shows an enabled account for every one of a run's people. */
final class AccountsReady {

    private AccountsReady() {
    }

    /** @return how long it took */
    static Duration await(DirectoryProbe probe, BenchPeople people, Duration timeout, PrintStream log)
            throws LDAPException, InterruptedException {
        long begun = System.nanoTime();
        long deadline = begun + timeout.toNanos();
        long lastReport = 0;
        int expected = people.joiners().size();
        while (true) {
            Map<String, Integer> accounts = probe.userAccountControls(people.prefix());
            long enabled = accounts.values().stream().filter(uac -> !DirectoryProbe.disabled(uac)).count();
            if (enabled == expected) {
                return Duration.ofNanos(System.nanoTime() - begun);
            }
            long now = System.nanoTime();
            if (now > deadline) {
                throw new IllegalStateException("after " + timeout.toSeconds() + " s only " + enabled + " of " + expected
                        + " accounts are enabled in the directory (" + accounts.size() + " exist); see access-service.log");
            }
            if (now - lastReport > Duration.ofSeconds(10).toNanos()) {
                log.printf("  %,d of %,d accounts enabled in Samba so far%n", enabled, expected);
                lastReport = now;
            }
            Thread.sleep(500);
        }
    }
}
