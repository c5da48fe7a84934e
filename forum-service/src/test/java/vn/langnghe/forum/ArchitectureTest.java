package vn.langnghe.forum;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import org.junit.jupiter.api.Test;
import vn.langnghe.testsupport.architecture.DomainRules;

/**
 * The Forum aggregate is plain Java (no framework type), and nothing of the edge leaks inward: the domain knows
 * neither the application, the REST layer, the live feed nor the personal-data vault.
 */
class ArchitectureTest {

    private final JavaClasses classes = DomainRules.importProduction("vn.langnghe.forum");

    @Test
    void domain_isFrameworkFree() {
        DomainRules.domainIsFrameworkFree("vn.langnghe.forum.domain..").check(classes);
    }

    @Test
    void domain_dependsOnNoOuterLayer() {
        noClasses().that().resideInAPackage("vn.langnghe.forum.domain..")
                .should().dependOnClassesThat().resideInAnyPackage("vn.langnghe.forum.application..",
                        "vn.langnghe.forum.rest..", "vn.langnghe.forum.live..", "vn.langnghe.forum.messaging..",
                        "vn.langnghe.forum.eventstore..", "vn.langnghe.personal..", "vn.langnghe.servicekit..")
                .check(classes);
    }
}
