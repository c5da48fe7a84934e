package vn.langnghe.intake.application;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Period;
import java.util.Optional;
import java.util.SortedMap;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import vn.langnghe.intake.domain.submission.Submission;
import vn.langnghe.intake.domain.submission.SubmissionCommand;
import vn.langnghe.personal.Access;
import vn.langnghe.personal.EncryptedCaseTexts;
import vn.langnghe.personal.EncryptedIdentityVault;
import vn.langnghe.personal.PersonalIdentity;
import vn.langnghe.personal.Readout;

/**
 * Reads and erasure of a case's personal data. Every read, allowed or refused, lands in the access
 * audit (its own table, never the case's events, so auditing never changes a case's version).
 */
@ApplicationScoped
public class PersonalDataService {

    /** Law on Denunciations 2018, art. 56: the denouncer's identity is kept from the verifying officer. */
    public static final String DENOUNCER_SECRECY = "Luật Tố cáo 2018, điều 56: giữ bí mật người tố cáo"
            + " / Law on Denunciations 2018, art. 56: the denouncer's identity is confidential";

    /** The caller may not see this; the refusal was audited. */
    public static final class Refused extends RuntimeException {
        public Refused(String reason) {
            super(reason);
        }
    }

    private final SubmissionService submissions;
    private final EncryptedIdentityVault vault;
    private final EncryptedCaseTexts texts;
    private final Period retention;

    PersonalDataService(SubmissionService submissions, EncryptedIdentityVault vault, EncryptedCaseTexts texts,
            @ConfigProperty(name = "langnghe.intake.retention-after-closing", defaultValue = "P5Y") Period retention) {
        this.submissions = submissions;
        this.vault = vault;
        this.texts = texts;
        this.retention = retention;
    }

    /**
     * The reporter's identity. An identified denunciation's denouncer is shown only to an admin; anyone
     * else is refused (and the refusal audited).
     */
    public Readout<PersonalIdentity> reporter(UUID id, Access access, boolean mayReadDenouncers) {
        Submission s = submissions.load(id);
        if (!s.exists() || s.reporterRef() == null) {
            return new Readout.Missing<>();
        }
        Access onCase = access.onCase(id);
        if (s.isIdentifiedDenunciation() && !mayReadDenouncers) {
            vault.refuse(s.reporterRef(), onCase, DENOUNCER_SECRECY);
            throw new Refused(DENOUNCER_SECRECY);
        }
        return vault.readIdentity(s.reporterRef(), onCase);
    }

    /** The case's free text by kind (description, findings, answer letter). */
    public Readout<SortedMap<String, String>> texts(UUID id, Access access) {
        return texts.read(id, access.onCase(id));
    }

    /**
     * Forgets the reporter: refused (409, with the reason) while the case is open or within its legal
     * retention; otherwise destroys the person's key and records the erasure on the case.
     */
    public void eraseReporter(UUID id, String actor, String reason) {
        submissions.eraseReporter(id, new SubmissionCommand.EraseReporter(retention, submissions.today()), actor,
                (tx, ref) -> {
                    // A forum speaker's identity lives in forum-service's vault: the erasure event tells it.
                    Optional<String> person = vault.personIdOf(ref);
                    if (person.isPresent()) {
                        vault.erasePerson(tx, person.get(), reason);
                    }
                });
    }
}
