package vn.langnghe.contracts;

import org.junit.jupiter.api.Test;
import vn.langnghe.testsupport.architecture.DomainRules;

/** Contracts and reference data are shared by every service, so they carry no framework with them. */
class ArchitectureTest {

    @Test
    void contractsAndReferenceData_areFrameworkFree() {
        DomainRules.domainIsFrameworkFree("vn.langnghe.contracts..")
                .check(DomainRules.importProduction("vn.langnghe.contracts"));
    }
}
