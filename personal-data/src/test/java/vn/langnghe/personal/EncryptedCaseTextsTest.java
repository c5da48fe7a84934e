package vn.langnghe.personal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.agroal.api.AgroalDataSource;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class EncryptedCaseTextsTest {

    private static final Access OFFICER = Access.of("officer-17", "OFFICER", "write the answer letter");
    private static final String DESCRIPTION = "Tối 12/3 nhà số 7 ngõ 5 Phố Huế mở karaoke đến 2 giờ sáng, ông Lê Văn Tám bị hàng xóm đe doạ.";
    private static final String FINDINGS = "Xác minh: có vi phạm giờ giấc; đã lập biên bản chủ quán Phạm Thị Lan.";

    private static AgroalDataSource db;
    private static EncryptedCaseTexts texts;

    @BeforeAll
    static void setUp() {
        db = TestInfra.freshDatabase();
        texts = new EncryptedCaseTexts(db, new KeyRing(MasterKey.generate()), new AccessAudit(db));
    }

    @AfterAll
    static void tearDown() {
        db.close();
    }

    private static void write(UUID caseId, String kind, String body) {
        TestInfra.inTransaction(db, tx -> {
            texts.write(tx, caseId, kind, body);
            return null;
        });
    }

    @Test
    void texts_round_trip_by_kind_and_a_rewrite_replaces_the_text() {
        UUID caseId = UUID.randomUUID();
        write(caseId, "DESCRIPTION", DESCRIPTION);
        write(caseId, "FINDINGS", "draft");
        write(caseId, "FINDINGS", FINDINGS);

        assertThat(texts.read(caseId, OFFICER).toOptional())
                .contains(new java.util.TreeMap<>(Map.of("DESCRIPTION", DESCRIPTION, "FINDINGS", FINDINGS)));
    }

    @Test
    void a_case_without_texts_is_missing() {
        assertThat(texts.read(UUID.randomUUID(), OFFICER)).isInstanceOf(Readout.Missing.class);
    }

    @Test
    void nothing_of_the_text_is_stored_in_clear() {
        UUID caseId = UUID.randomUUID();
        write(caseId, "DESCRIPTION", DESCRIPTION);

        byte[] ciphertext = TestInfra.query(db, byte[].class,
                "SELECT ciphertext FROM case_texts_encrypted WHERE case_id = ?", caseId).getFirst();
        for (String value : new String[] {DESCRIPTION, "Lê Văn Tám", "karaoke"}) {
            PlaintextScan.assertNotInBytes(ciphertext, value);
            PlaintextScan.assertNoTrace(db, value);
        }
    }

    @Test
    void a_text_moved_to_another_kind_of_the_same_case_does_not_decrypt() {
        UUID caseId = UUID.randomUUID();
        write(caseId, "DESCRIPTION", DESCRIPTION);
        write(caseId, "FINDINGS", FINDINGS);

        TestInfra.execute(db, "UPDATE case_texts_encrypted SET ciphertext = (SELECT ciphertext FROM"
                + " case_texts_encrypted WHERE case_id = ? AND text_kind = 'DESCRIPTION')"
                + " WHERE case_id = ? AND text_kind = 'FINDINGS'", caseId, caseId);

        assertThatThrownBy(() -> texts.read(caseId, OFFICER)).isInstanceOf(CiphertextRejected.class);
    }

    @Test
    void a_text_moved_to_another_case_does_not_decrypt() {
        UUID from = UUID.randomUUID();
        UUID to = UUID.randomUUID();
        write(from, "DESCRIPTION", DESCRIPTION);
        write(to, "DESCRIPTION", "khác");

        TestInfra.execute(db, "UPDATE case_texts_encrypted SET ciphertext = (SELECT ciphertext FROM"
                + " case_texts_encrypted WHERE case_id = ?) WHERE case_id = ?", from, to);

        assertThatThrownBy(() -> texts.read(to, OFFICER)).isInstanceOf(CiphertextRejected.class);
    }

    @Test
    void erasing_a_case_destroys_its_texts_only() {
        UUID erased = UUID.randomUUID();
        UUID kept = UUID.randomUUID();
        write(erased, "DESCRIPTION", DESCRIPTION);
        write(kept, "DESCRIPTION", FINDINGS);

        assertThat(TestInfra.<Boolean>inTransaction(db, tx -> texts.eraseCase(tx, erased, "retention period ended"))).isTrue();

        assertThat(texts.read(erased, OFFICER)).isInstanceOf(Readout.Erased.class);
        assertThat(texts.read(kept, OFFICER).toOptional()).contains(new java.util.TreeMap<>(Map.of("DESCRIPTION", FINDINGS)));
        assertThat(TestInfra.query(db, Boolean.class, "SELECT keyset IS NULL FROM keyring.subject_keys"
                + " WHERE kind = 'CASE' AND subject_id = ?", erased.toString())).containsExactly(true);
        assertThatThrownBy(() -> write(erased, "FINDINGS", FINDINGS)).isInstanceOf(SubjectErased.class);
    }

    @Test
    void a_text_kind_is_a_label_not_content() {
        assertThatThrownBy(() -> write(UUID.randomUUID(), "ông Tám", DESCRIPTION))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageNotContaining("Tám");
    }

    @Test
    void reads_of_case_text_are_audited_with_the_case() {
        UUID caseId = UUID.randomUUID();
        write(caseId, "DESCRIPTION", DESCRIPTION);

        texts.read(caseId, OFFICER);
        texts.refuse(caseId, Access.of("officer-99", "OFFICER", "curiosity"), "outside the officer's unit");

        assertThat(new AccessAudit(db).entriesFor(caseId.toString()))
                .extracting(AuditEntry::subjectType, AuditEntry::caseId, AuditEntry::actor, AuditEntry::allowed)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(SubjectType.CASE_TEXT, caseId, "officer-17", true),
                        org.assertj.core.groups.Tuple.tuple(SubjectType.CASE_TEXT, caseId, "officer-99", false));
    }
}
