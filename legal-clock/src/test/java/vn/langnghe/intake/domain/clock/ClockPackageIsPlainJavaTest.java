package vn.langnghe.intake.domain.clock;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import org.junit.jupiter.api.Test;
import vn.langnghe.testsupport.architecture.DomainRules;

/** The legal clock stays plain Java: no framework, and no Jackson (the loader lives in clockdata). */
class ClockPackageIsPlainJavaTest {

    private static final String CLOCK_PACKAGE = "vn.langnghe.intake.domain.clock..";
    private final JavaClasses classes = DomainRules.importProduction("vn.langnghe.intake.domain.clock");

    @Test
    void givenTheClockPackage_whenItsDependenciesAreChecked_thenNoFrameworkIsUsed() {
        DomainRules.domainIsFrameworkFree(CLOCK_PACKAGE).check(classes);
    }

    @Test
    void givenTheClockPackage_whenItsDependenciesAreChecked_thenNoJacksonOrLoaderIsUsed() {
        noClasses().that().resideInAPackage(CLOCK_PACKAGE)
                .should().dependOnClassesThat().resideInAnyPackage("com.fasterxml..", "vn.langnghe.intake.clockdata..")
                .check(classes);
    }
}
