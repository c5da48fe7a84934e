package vn.langnghe.servicekit.reference;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import vn.langnghe.contracts.reference.ReferenceData;
import vn.langnghe.contracts.reference.TopicTaxonomy;
import vn.langnghe.contracts.reference.UnitTree;

/** The shared unit tree and topic taxonomy, loaded once from the contracts module. */
@ApplicationScoped
public class ReferenceDataProducer {

    private final ReferenceData data = ReferenceData.load();

    @Produces
    @Singleton
    UnitTree units() {
        return data.units();
    }

    @Produces
    @Singleton
    TopicTaxonomy topics() {
        return data.topics();
    }
}
