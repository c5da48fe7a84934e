package vn.langnghe.intake.config;

import io.quarkus.runtime.LaunchMode;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.util.Optional;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import vn.langnghe.personal.AccessAudit;
import vn.langnghe.personal.EncryptedCaseTexts;
import vn.langnghe.personal.EncryptedIdentityVault;
import vn.langnghe.personal.KeyRing;
import vn.langnghe.personal.MasterKey;
import vn.langnghe.personal.PersonalDataMigrations;

/**
 * The personal-data vault: identities under one key per person, case text under the case's key, both
 * wrapped by the master key from {@code langnghe.personal.master-key} (base64 Tink keyset). Tests and
 * dev mode may run without one (an ephemeral key is generated); production refuses to start.
 */
@ApplicationScoped
public class PersonalDataBeans {

    private static final Logger LOG = Logger.getLogger(PersonalDataBeans.class);

    private final DataSource dataSource;
    private final MasterKey masterKey;

    PersonalDataBeans(DataSource dataSource,
            @ConfigProperty(name = "langnghe.personal.master-key") Optional<String> masterKey) {
        this.dataSource = dataSource;
        this.masterKey = masterKey.filter(k -> !k.isBlank()).map(MasterKey::fromBase64).orElseGet(() -> {
            if (LaunchMode.current() == LaunchMode.NORMAL) {
                throw new IllegalStateException("langnghe.personal.master-key (LANGNGHE_PERSONAL_MASTER_KEY) is not"
                        + " set: without it no personal data can be stored or read");
            }
            LOG.warn("no langnghe.personal.master-key: using an ephemeral one (" + LaunchMode.current()
                    + " mode only); personal data written now is unreadable after a restart");
            return MasterKey.generate();
        });
    }

    void migrate(@Observes StartupEvent event) {
        PersonalDataMigrations.migrate(dataSource);
    }

    public MasterKey masterKey() {
        return masterKey;
    }

    @Produces
    @Singleton
    KeyRing keyRing() {
        return new KeyRing(masterKey);
    }

    @Produces
    @Singleton
    AccessAudit accessAudit() {
        return new AccessAudit(dataSource);
    }

    @Produces
    @Singleton
    EncryptedIdentityVault identityVault(KeyRing keys, AccessAudit audit) {
        return new EncryptedIdentityVault(dataSource, keys, audit);
    }

    @Produces
    @Singleton
    EncryptedCaseTexts caseTexts(KeyRing keys, AccessAudit audit) {
        return new EncryptedCaseTexts(dataSource, keys, audit);
    }
}
