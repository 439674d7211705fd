package dev.tenure.equipment.catalogue;

import dev.tenure.equipment.domain.EquipmentLifecycle;
import dev.tenure.equipment.domain.catalogue.Catalogue;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * The equipment catalogue ({@code tenure.equipment.catalogue}, env TENURE_EQUIPMENT_CATALOGUE: a file path, or the
 * bundled {@code classpath:catalogue/equipment-catalogue.yaml}), checked whole at start-up: a catalogue with any
 * problem stops the service with every problem listed.
 */
@ApplicationScoped
public class CatalogueProducer {

    private static final Logger LOG = Logger.getLogger(CatalogueProducer.class);

    @ConfigProperty(name = "tenure.equipment.catalogue")
    String location;

    @Produces
    @Singleton
    Catalogue catalogue() {
        Catalogue catalogue = CatalogueFile.load(location);
        LOG.infof("equipment catalogue %s version %s: %d rules, %d job families, cut-off %s, collection within %d days",
                location, catalogue.version(), catalogue.rules().size(), catalogue.jobFamilies().size(),
                catalogue.timing().cutOff(), catalogue.timing().collectionWindowDays());
        return catalogue;
    }

    @Produces
    @Singleton
    EquipmentLifecycle lifecycle(Catalogue catalogue) {
        return new EquipmentLifecycle(catalogue);
    }

    void checkAtStartUp(@Observes StartupEvent startup, Catalogue catalogue) {
        // Injecting it builds it: a bad catalogue fails the start, not the first event.
    }
}
