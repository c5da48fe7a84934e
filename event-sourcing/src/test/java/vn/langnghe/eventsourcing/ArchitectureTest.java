package vn.langnghe.eventsourcing;

import org.junit.jupiter.api.Test;
import vn.langnghe.testsupport.architecture.DomainRules;

/** The decider abstraction that every aggregate implements stays plain Java. */
class ArchitectureTest {

    @Test
    void deciderPackage_isFrameworkFree() {
        DomainRules.domainIsFrameworkFree("vn.langnghe.eventsourcing.decider..")
                .check(DomainRules.importProduction("vn.langnghe.eventsourcing"));
    }
}
