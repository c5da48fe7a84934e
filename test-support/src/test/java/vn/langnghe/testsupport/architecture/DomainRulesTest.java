package vn.langnghe.testsupport.architecture;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import org.junit.jupiter.api.Test;

class DomainRulesTest {

    private static final String FIXTURES = "vn.langnghe.testsupport.architecture.fixture";
    private final JavaClasses fixtures = new ClassFileImporter().importPackages(FIXTURES);

    @Test
    void aPlainJavaDomain_passes() {
        assertThatCode(() -> DomainRules.domainIsFrameworkFree(FIXTURES + ".clean.domain..").check(fixtures))
                .doesNotThrowAnyException();
    }

    @Test
    void aDomainThatUsesKafka_fails_namingTheClass() {
        assertThatThrownBy(() -> DomainRules.domainIsFrameworkFree(FIXTURES + ".dirty.domain..").check(fixtures))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("LeakyTally")
                .hasMessageContaining("org.apache.kafka");
    }
}
