package dev.tenure.hr.ledger;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** One ledger per service instance. */
public class IntakeLedgerProducer {

    @Produces
    @Singleton
    IntakeLedger ledger() {
        return new IntakeLedger();
    }
}
