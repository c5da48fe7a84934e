package vn.langnghe.testsupport.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;

/**
 * Domain code (aggregates, deciders, legal clocks) is plain Java: framework types stay at the edges,
 * so the rules can be tested given-when-then without infrastructure and survive a framework change.
 */
public final class DomainRules {

    /** Packages the domain must not touch. */
    public static final String[] FRAMEWORK_PACKAGES = {
        "io.quarkus..", "org.hibernate..", "io.vertx..", "io.smallrye..", "org.apache.kafka..",
        "jakarta.persistence..", "jakarta.ws.rs..", "jakarta.enterprise..", "jakarta.inject..",
        "org.eclipse.microprofile..", "io.cloudevents..", "java.sql..", "javax.sql.."
    };

    private DomainRules() {}

    /** No class in {@code domainPackages} (ArchUnit syntax, e.g. {@code vn.langnghe.intake.domain..}) uses a framework. */
    public static ArchRule domainIsFrameworkFree(String... domainPackages) {
        return noClasses()
                .that().resideInAnyPackage(domainPackages)
                .should().dependOnClassesThat().resideInAnyPackage(FRAMEWORK_PACKAGES)
                .because("the domain is plain Java; framework code belongs at the edges (ADR 0001)");
    }

    /** The production classes (no tests) under a root package. */
    public static JavaClasses importProduction(String rootPackage) {
        return new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(rootPackage);
    }
}
