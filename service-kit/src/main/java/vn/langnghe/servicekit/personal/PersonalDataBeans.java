package vn.langnghe.servicekit.personal;

import io.quarkus.arc.properties.IfBuildProperty;
import io.quarkus.runtime.LaunchMode;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
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
 * The personal-data vault of a service that holds personal data (intake: reporters and case text;
 * forum: speakers and their words): identities under one key per person, free text under its case's
 * key, both wrapped by the master key from {@code langnghe.personal.master-key} (base64 Tink keyset).
 * Tests and dev mode may run without one (an ephemeral key is generated); production refuses to start.
 * Only services that set the build property {@code langnghe.personal-data.enabled=true} get these beans:
 * reporting-service never holds personal data, so it has no vault at all.
 */
@ApplicationScoped
@IfBuildProperty(name = "langnghe.personal-data.enabled", stringValue = "true")
public class PersonalDataBeans {

    private static final Logger LOG = Logger.getLogger(PersonalDataBeans.class);

    private final DataSource dataSource;
    private final MasterKey masterKey;

    PersonalDataBeans(DataSource dataSource,
            @ConfigProperty(name = "langnghe.personal.master-key") Optional<String> masterKey,
            @ConfigProperty(name = "langnghe.personal.master-key-file") Optional<Path> masterKeyFile) {
        this.dataSource = dataSource;
        this.masterKey = masterKey.filter(k -> !k.isBlank()).map(MasterKey::fromBase64)
                .or(() -> masterKeyFile.map(PersonalDataBeans::fromFile))
                .orElseGet(PersonalDataBeans::ephemeral);
    }

    /** The local run keeps its key in a file it creates once (owner-only), so data survives restarts. */
    private static MasterKey fromFile(Path file) {
        try {
            if (Files.exists(file)) {
                return MasterKey.fromBase64(Files.readString(file).strip());
            }
            MasterKey created = MasterKey.generate();
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.writeString(file, created.toBase64());
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            LOG.info("created a master key for personal data in " + file);
            return created;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create the master key file " + file, e);
        }
    }

    private static MasterKey ephemeral() {
        if (LaunchMode.current() == LaunchMode.NORMAL) {
            throw new IllegalStateException("neither langnghe.personal.master-key (LANGNGHE_PERSONAL_MASTER_KEY) nor"
                    + " langnghe.personal.master-key-file is set: without a master key no personal data can be"
                    + " stored or read");
        }
        LOG.warn("no langnghe.personal.master-key: using an ephemeral one (" + LaunchMode.current()
                + " mode only); personal data written now is unreadable after a restart");
        return MasterKey.generate();
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
