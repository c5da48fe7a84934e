package vn.langnghe.personal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.TinkProtoKeysetFormat;
import io.agroal.api.AgroalDataSource;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class KeyRingTest {

    private static final byte[] AD = "ad".getBytes(StandardCharsets.UTF_8);

    private static AgroalDataSource db;
    private static KeyRing ring;

    @BeforeAll
    static void setUp() {
        db = TestInfra.freshDatabase();
        ring = new KeyRing(MasterKey.generate());
    }

    @AfterAll
    static void tearDown() {
        db.close();
    }

    private static Subject newPerson() {
        return Subject.person("psn-" + UUID.randomUUID());
    }

    private static int rowsFor(Subject subject) {
        return TestInfra.query(db, Long.class, "SELECT count(*) FROM keyring.subject_keys WHERE kind = ?"
                + " AND subject_id = ?", subject.kind().name(), subject.id()).getFirst().intValue();
    }

    /** Two primitives hold the same key if each decrypts what the other encrypted. */
    private static void assertSameKey(Aead a, Aead b) throws GeneralSecurityException {
        byte[] plaintext = "x".getBytes(StandardCharsets.UTF_8);
        assertThat(b.decrypt(a.encrypt(plaintext, AD), AD)).isEqualTo(plaintext);
        assertThat(a.decrypt(b.encrypt(plaintext, AD), AD)).isEqualTo(plaintext);
    }

    @Test
    void eight_threads_keying_the_same_subject_create_exactly_one_key() throws Exception {
        Subject subject = newPerson();
        int threads = 8;
        CyclicBarrier start = new CyclicBarrier(threads);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<Aead>> keys = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                keys.add(pool.submit(() -> {
                    start.await(10, TimeUnit.SECONDS);
                    return TestInfra.inTransaction(db, tx -> ring.ensureKey(tx, subject));
                }));
            }
            List<Aead> aeads = new ArrayList<>();
            for (Future<Aead> key : keys) {
                aeads.add(key.get(60, TimeUnit.SECONDS));
            }

            assertThat(rowsFor(subject)).isEqualTo(1);
            for (Aead aead : aeads) {
                assertSameKey(aeads.getFirst(), aead);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void ensuring_a_key_twice_gives_the_same_key() throws Exception {
        Subject subject = newPerson();
        Aead first = TestInfra.inTransaction(db, tx -> ring.ensureKey(tx, subject));
        Aead second = TestInfra.inTransaction(db, tx -> ring.ensureKey(tx, subject));

        assertSameKey(first, second);
        assertThat(rowsFor(subject)).isEqualTo(1);
    }

    @Test
    void a_key_created_in_a_rolled_back_transaction_does_not_exist() {
        Subject subject = newPerson();
        assertThatThrownBy(() -> TestInfra.inTransaction(db, tx -> {
            ring.ensureKey(tx, subject);
            throw new IllegalStateException("the command failed");
        })).hasMessage("the command failed");

        assertThat(TestInfra.<KeyState>inTransaction(db, tx -> ring.find(tx, subject))).isInstanceOf(KeyState.Absent.class);
    }

    @Test
    void destroying_a_subject_without_a_key_still_prevents_keying_it_later() {
        Subject subject = newPerson();
        assertThat(TestInfra.<Boolean>inTransaction(db, tx -> ring.destroy(tx, subject, "erased before any data"))).isFalse();

        assertThatThrownBy(() -> TestInfra.inTransaction(db, tx -> ring.ensureKey(tx, subject)))
                .isInstanceOf(SubjectErased.class);
        assertThat(TestInfra.<KeyState>inTransaction(db, tx -> ring.find(tx, subject))).isInstanceOf(KeyState.Destroyed.class);
    }

    @Test
    void destroying_a_key_removes_it_from_the_cache() {
        Subject subject = newPerson();
        TestInfra.inTransaction(db, tx -> ring.ensureKey(tx, subject));
        int cached = ring.cachedKeys();

        TestInfra.inTransaction(db, tx -> ring.destroy(tx, subject, "erased"));

        assertThat(ring.cachedKeys()).isEqualTo(cached - 1);
    }

    @Test
    void person_and_case_keys_are_apart_even_with_the_same_id() throws Exception {
        UUID id = UUID.randomUUID();
        Aead person = TestInfra.inTransaction(db, tx -> ring.ensureKey(tx, Subject.person(id.toString())));
        Aead caseKey = TestInfra.inTransaction(db, tx -> ring.ensureKey(tx, Subject.ofCase(id)));

        byte[] ciphertext = person.encrypt("x".getBytes(StandardCharsets.UTF_8), AD);
        assertThatThrownBy(() -> caseKey.decrypt(ciphertext, AD)).isInstanceOf(GeneralSecurityException.class);
    }

    @Test
    void stored_key_material_is_encrypted_and_bound_to_its_subject() {
        Subject owner = newPerson();
        Subject thief = newPerson();
        TestInfra.inTransaction(db, tx -> ring.ensureKey(tx, owner));
        byte[] wrapped = TestInfra.query(db, byte[].class, "SELECT keyset FROM keyring.subject_keys"
                + " WHERE kind = 'PERSON' AND subject_id = ?", owner.id()).getFirst();

        assertThatThrownBy(() -> TinkProtoKeysetFormat.parseKeyset(wrapped, InsecureSecretKeyAccess.get()))
                .as("not a cleartext keyset").isInstanceOf(GeneralSecurityException.class);
        TestInfra.execute(db, "INSERT INTO keyring.subject_keys (kind, subject_id, keyset, created_at)"
                + " VALUES ('PERSON', ?, ?, now())", thief.id(), wrapped);
        assertThatThrownBy(() -> TestInfra.inTransaction(db, tx -> ring.find(tx, thief)))
                .isInstanceOf(KeyUnavailable.class);
    }

    @Test
    void keys_can_be_destroyed_but_never_replaced_or_deleted() {
        Subject subject = newPerson();
        TestInfra.inTransaction(db, tx -> ring.ensureKey(tx, subject));

        assertThatThrownBy(() -> TestInfra.execute(db, "UPDATE keyring.subject_keys SET keyset = '\\x00'::bytea"
                + " WHERE subject_id = ?", subject.id())).hasMessageContaining("keys can only be destroyed");
        assertThatThrownBy(() -> TestInfra.execute(db, "DELETE FROM keyring.subject_keys WHERE subject_id = ?",
                subject.id())).hasMessageContaining("keys can only be destroyed");
        TestInfra.inTransaction(db, tx -> ring.destroy(tx, subject, "erased"));
        assertThatThrownBy(() -> TestInfra.execute(db, "UPDATE keyring.subject_keys SET keyset = '\\x00'::bytea,"
                + " destroyed_at = NULL, destroy_reason = NULL WHERE subject_id = ?", subject.id()))
                .as("a destroyed key cannot be restored").hasMessageContaining("keys can only be destroyed");
    }
}
