package vn.langnghe.forum.domain.forum;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import org.junit.jupiter.api.Test;
import vn.langnghe.testsupport.architecture.DomainRules;

/** The Forum aggregate is plain Java: no framework, no Jackson (the wire mapping lives at the edge). */
class ForumDomainIsPlainJavaTest {

    private static final String DOMAIN = "vn.langnghe.forum.domain..";
    private final JavaClasses classes = DomainRules.importProduction("vn.langnghe.forum.domain");

    @Test
    void givenTheForumDomain_whenItsDependenciesAreChecked_thenNoFrameworkIsUsed() {
        DomainRules.domainIsFrameworkFree(DOMAIN).check(classes);
    }

    @Test
    void givenTheForumDomain_whenItsDependenciesAreChecked_thenNoJacksonIsUsed() {
        noClasses().that().resideInAPackage(DOMAIN)
                .should().dependOnClassesThat().resideInAnyPackage("com.fasterxml..")
                .check(classes);
    }
}
