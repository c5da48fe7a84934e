package vn.langnghe.personal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class EncryptedIdentityVaultTest {

    private static final Access OFFICER = Access.of("officer-17", "OFFICER", "verify the report");
    private static final PersonalIdentity HOA = new PersonalIdentity(
            "Nguyễn Thị Hoa", "0912345678", "001190012345", "12 Ngõ Huế, Hai Bà Trưng, Hà Nội", "hoa.nguyen@example.vn");
    private static final PersonalIdentity BINH = new PersonalIdentity(
            "Trần Văn Bình", "0987654321", "079085054321", "45 Lê Lợi, Quận 1, TP HCM", "binh.tran@example.vn");

    private static AgroalDataSource db;
    private static MasterKey masterKey;
    private static EncryptedIdentityVault vault;

    @BeforeAll
    static void setUp() {
        db = TestInfra.freshDatabase();
        masterKey = MasterKey.generate();
        vault = vaultWith(masterKey);
    }

    @AfterAll
    static void tearDown() {
        db.close();
    }

    private static EncryptedIdentityVault vaultWith(MasterKey key) {
        return new EncryptedIdentityVault(db, new KeyRing(key), new AccessAudit(db));
    }

    private static String store(String personId, PersonalIdentity identity) {
        return TestInfra.inTransaction(db, tx -> vault.store(tx, personId, "submission-" + UUID.randomUUID(), identity));
    }

    @Test
    void an_identity_round_trips_and_its_reference_is_random() {
        String person = EncryptedIdentityVault.newPersonId();
        String ref = store(person, HOA);

        assertThat(ref).matches("idv-[0-9a-f-]{36}");
        assertThat(vault.readIdentity(ref, OFFICER)).isEqualTo(new Readout.Found<>(HOA));
        assertThat(vault.personIdOf(ref)).contains(person);
        assertThat(store(person, HOA)).as("same person, same values, new reference").isNotEqualTo(ref);
    }

    @Test
    void nothing_of_the_identity_is_stored_in_clear() throws Exception {
        String ref = store(EncryptedIdentityVault.newPersonId(), HOA);
        byte[] ciphertext = TestInfra.query(db, byte[].class,
                "SELECT ciphertext FROM personal_identities WHERE ref = ?", ref).getFirst();
        String json = new String(new ObjectMapper().writeValueAsBytes(HOA), StandardCharsets.UTF_8);

        for (String value : List.of(json, HOA.fullName(), HOA.phone(), HOA.idNumber(), HOA.address(), HOA.email())) {
            PlaintextScan.assertNotInBytes(ciphertext, value);
            PlaintextScan.assertNoTrace(db, value);
        }
    }

    @Test
    void a_ciphertext_moved_to_another_reference_does_not_decrypt() {
        // same person and record, so same key and the same AAD but for the reference
        String person = EncryptedIdentityVault.newPersonId();
        String hoa = TestInfra.inTransaction(db, tx -> vault.store(tx, person, "submission-1", HOA));
        String other = TestInfra.inTransaction(db, tx -> vault.store(tx, person, "submission-1", BINH));

        TestInfra.execute(db, "UPDATE personal_identities SET ciphertext = (SELECT ciphertext FROM"
                + " personal_identities WHERE ref = ?) WHERE ref = ?", hoa, other);

        assertThatThrownBy(() -> vault.read(other, OFFICER)).isInstanceOf(CiphertextRejected.class);
        assertThat(vault.readIdentity(hoa, OFFICER).toOptional()).contains(HOA);
    }

    @Test
    void a_ciphertext_moved_to_another_record_does_not_decrypt() {
        String ref = store(EncryptedIdentityVault.newPersonId(), HOA);

        TestInfra.execute(db, "UPDATE personal_identities SET record_id = 'submission-other' WHERE ref = ?", ref);

        assertThatThrownBy(() -> vault.read(ref, OFFICER)).isInstanceOf(CiphertextRejected.class);
    }

    @Test
    void erasing_a_person_destroys_their_key_and_leaves_others_readable() {
        String hoa = EncryptedIdentityVault.newPersonId();
        String binh = EncryptedIdentityVault.newPersonId();
        String hoaFirst = store(hoa, HOA);
        String hoaSecond = store(hoa, HOA);
        String binhRef = store(binh, BINH);

        assertThat(TestInfra.<Boolean>inTransaction(db, tx -> vault.erasePerson(tx, hoa, "citizen request 2025-001"))).isTrue();

        assertThat(vault.readIdentity(hoaFirst, OFFICER)).isInstanceOf(Readout.Erased.class);
        assertThat(vault.readIdentity(hoaSecond, OFFICER)).isInstanceOf(Readout.Erased.class);
        assertThat(vault.readIdentity(binhRef, OFFICER)).isEqualTo(new Readout.Found<>(BINH));
        assertThat(TestInfra.query(db, Boolean.class, "SELECT keyset IS NULL AND destroyed_at IS NOT NULL"
                + " FROM keyring.subject_keys WHERE kind = 'PERSON' AND subject_id = ?", hoa)).containsExactly(true);
        assertThat(TestInfra.query(db, Boolean.class, "SELECT keyset IS NOT NULL"
                + " FROM keyring.subject_keys WHERE kind = 'PERSON' AND subject_id = ?", binh)).containsExactly(true);
        assertThat(TestInfra.<Boolean>inTransaction(db, tx -> vault.erasePerson(tx, hoa, "again"))).isFalse();
        assertThatThrownBy(() -> store(hoa, HOA)).isInstanceOf(SubjectErased.class);
    }

    @Test
    void an_erasure_is_seen_by_an_instance_that_holds_the_key_in_its_cache() {
        EncryptedIdentityVault otherInstance = vaultWith(masterKey);
        String person = EncryptedIdentityVault.newPersonId();
        String ref = store(person, HOA);
        assertThat(otherInstance.readIdentity(ref, OFFICER).toOptional()).contains(HOA); // warms its cache

        TestInfra.inTransaction(db, tx -> vault.erasePerson(tx, person, "citizen request"));

        assertThat(otherInstance.readIdentity(ref, OFFICER)).isInstanceOf(Readout.Erased.class);
    }

    @Test
    void an_unknown_reference_is_missing() {
        assertThat(vault.read("idv-" + UUID.randomUUID(), OFFICER)).isInstanceOf(Readout.Missing.class);
    }

    @Test
    void keys_cannot_be_read_without_the_right_master_key() {
        String ref = store(EncryptedIdentityVault.newPersonId(), HOA);

        assertThatThrownBy(() -> vaultWith(MasterKey.generate()).read(ref, OFFICER))
                .as("a wrong master key fails loudly instead of looking like an erasure")
                .isInstanceOf(KeyUnavailable.class);
        assertThat(vaultWith(MasterKey.fromBase64(masterKey.toBase64())).readIdentity(ref, OFFICER).toOptional())
                .contains(HOA);
    }

    @Test
    void every_read_is_audited_allowed_or_denied_with_actor_and_purpose() {
        String ref = store(EncryptedIdentityVault.newPersonId(), HOA);
        UUID caseId = UUID.randomUUID();

        vault.read(ref, OFFICER.onCase(caseId));
        vault.refuse(ref, Access.of("partner-hotline", "PARTNER", "call back"), "partners never see identities");

        List<AuditEntry> entries = new AccessAudit(db).entriesFor(ref);
        assertThat(entries).extracting(AuditEntry::actor, AuditEntry::actorRole, AuditEntry::purpose,
                        AuditEntry::subjectType, AuditEntry::caseId, AuditEntry::allowed, AuditEntry::reason)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("officer-17", "OFFICER", "verify the report",
                                SubjectType.IDENTITY, caseId, true, null),
                        org.assertj.core.groups.Tuple.tuple("partner-hotline", "PARTNER", "call back",
                                SubjectType.IDENTITY, null, false, "partners never see identities"));
    }

    @Test
    void a_read_that_fails_is_still_audited() {
        String ref = store(EncryptedIdentityVault.newPersonId(), HOA);
        TestInfra.execute(db, "UPDATE personal_identities SET record_id = 'tampered' WHERE ref = ?", ref);

        assertThatThrownBy(() -> vault.read(ref, OFFICER)).isInstanceOf(CiphertextRejected.class);

        assertThat(new AccessAudit(db).entriesFor(ref)).hasSize(1);
    }
}
