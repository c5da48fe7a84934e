package vn.langnghe.intake;

import org.junit.jupiter.api.Test;
import vn.langnghe.testsupport.architecture.DomainRules;

/** The Submission aggregate and the legal clocks are plain Java: no framework type in the domain. */
class ArchitectureTest {

    @Test
    void domain_isFrameworkFree() {
        DomainRules.domainIsFrameworkFree("vn.langnghe.intake.domain..")
                .check(DomainRules.importProduction("vn.langnghe.intake"));
    }
}
