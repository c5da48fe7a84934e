package vn.langnghe.personal;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.TinkProtoKeysetFormat;
import java.security.GeneralSecurityException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;

/**
 * One data-encryption key per person and per case, in table {@code keyring.subject_keys}, each stored as
 * a Tink keyset encrypted under the {@link MasterKey} with the subject as associated data (so a wrapped
 * key copied onto another subject's row does not unwrap). Destroying a key erases everything encrypted
 * under it (crypto-shredding). Expects READ COMMITTED, PostgreSQL's default.
 */
public final class KeyRing {

    private static final int DEFAULT_CACHE_ENTRIES = 10_000;
    private static final Duration DEFAULT_CACHE_TTL = Duration.ofMinutes(5);

    private final MasterKey masterKey;
    private final KeyCache cache;

    public KeyRing(MasterKey masterKey) {
        this(masterKey, DEFAULT_CACHE_ENTRIES, DEFAULT_CACHE_TTL);
    }

    public KeyRing(MasterKey masterKey, int cacheEntries, Duration cacheTtl) {
        this.masterKey = masterKey;
        this.cache = new KeyCache(cacheEntries, cacheTtl, Clock.systemUTC());
    }

    /**
     * The subject's key, created inside the caller's transaction if it has none. Idempotent, also under
     * concurrency: racing transactions end up with the one key that committed first.
     *
     * @throws SubjectErased if the subject's key was destroyed
     */
    public Aead ensureKey(Connection tx, Subject subject) throws SQLException {
        KeyState existing = find(tx, subject, true);
        if (existing instanceof KeyState.Absent) {
            KeysetHandle keyset = newKeyset();
            byte[] wrapped = wrap(keyset, subject);
            if (insertKey(tx, subject, wrapped)) {
                // the key in hand is what unwrapping would give back: no need to decrypt what was just encrypted
                Aead aead = aeadOf(keyset);
                cache.put(subject, wrapped, aead);
                return aead;
            }
            // A concurrent transaction inserted first; ON CONFLICT waited for its commit, so we now see it.
            existing = find(tx, subject, true);
        }
        return switch (existing) {
            case KeyState.Active active -> active.aead();
            case KeyState.Destroyed destroyed -> throw new SubjectErased(subject);
            case KeyState.Absent absent -> throw new IllegalStateException("no key for " + subject + " after insert");
        };
    }

    /** What the ring holds for the subject now. */
    public KeyState find(Connection connection, Subject subject) throws SQLException {
        return find(connection, subject, false);
    }

    /**
     * Destroys the subject's key material irrecoverably (the row stays as a tombstone, without the key,
     * so the subject can never be silently re-keyed). A subject without a key gets a tombstone too.
     *
     * @return true if key material was destroyed by this call, false if there was none (anymore)
     */
    public boolean destroy(Connection tx, Subject subject, String reason) throws SQLException {
        Checks.notBlank(reason, "reason");
        cache.invalidate(subject);
        try (PreparedStatement update = tx.prepareStatement("UPDATE keyring.subject_keys SET keyset = NULL,"
                + " destroyed_at = now(), destroy_reason = ? WHERE kind = ? AND subject_id = ? AND keyset IS NOT NULL")) {
            update.setString(1, reason);
            update.setString(2, subject.kind().name());
            update.setString(3, subject.id());
            if (update.executeUpdate() == 1) {
                return true;
            }
        }
        try (PreparedStatement tombstone = tx.prepareStatement("INSERT INTO keyring.subject_keys (kind, subject_id,"
                + " keyset, created_at, destroyed_at, destroy_reason) VALUES (?, ?, NULL, now(), now(), ?)"
                + " ON CONFLICT (kind, subject_id) DO NOTHING")) {
            tombstone.setString(1, subject.kind().name());
            tombstone.setString(2, subject.id());
            tombstone.setString(3, reason);
            tombstone.executeUpdate();
        }
        return false;
    }

    /** Unwrapped keys currently held in memory (for tests and metrics). */
    public int cachedKeys() {
        return cache.size();
    }

    // FOR SHARE on the write path: a concurrent destroy waits until data written under the key is
    // committed, and a write after the destroy sees it and is refused.
    private KeyState find(Connection connection, Subject subject, boolean lockForWrite) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT keyset, destroyed_at FROM"
                + " keyring.subject_keys WHERE kind = ? AND subject_id = ?" + (lockForWrite ? " FOR SHARE" : ""))) {
            select.setString(1, subject.kind().name());
            select.setString(2, subject.id());
            try (ResultSet rs = select.executeQuery()) {
                if (!rs.next()) {
                    return new KeyState.Absent();
                }
                byte[] wrapped = rs.getBytes(1);
                if (wrapped == null) {
                    Timestamp destroyedAt = rs.getTimestamp(2);
                    return new KeyState.Destroyed(destroyedAt.toInstant());
                }
                return new KeyState.Active(unwrap(subject, wrapped));
            }
        }
    }

    private static boolean insertKey(Connection tx, Subject subject, byte[] wrapped) throws SQLException {
        try (PreparedStatement insert = tx.prepareStatement("INSERT INTO keyring.subject_keys (kind, subject_id,"
                + " keyset, created_at) VALUES (?, ?, ?, now()) ON CONFLICT (kind, subject_id) DO NOTHING")) {
            insert.setString(1, subject.kind().name());
            insert.setString(2, subject.id());
            insert.setBytes(3, wrapped);
            return insert.executeUpdate() == 1;
        }
    }

    private Aead unwrap(Subject subject, byte[] wrapped) {
        return cache.get(subject, wrapped).orElseGet(() -> {
            try {
                KeysetHandle keyset = TinkProtoKeysetFormat.parseEncryptedKeyset(
                        wrapped, masterKey.aead(), associatedData(subject));
                Aead aead = Tink.aead(keyset);
                cache.put(subject, wrapped, aead);
                return aead;
            } catch (GeneralSecurityException e) {
                throw new KeyUnavailable("cannot unwrap the key of " + subject
                        + " (wrong master key or altered key material)", e);
            }
        });
    }

    private static Aead aeadOf(KeysetHandle keyset) {
        try {
            return Tink.aead(keyset);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot use a key just generated", e);
        }
    }

    private byte[] wrap(KeysetHandle keyset, Subject subject) {
        try {
            return TinkProtoKeysetFormat.serializeEncryptedKeyset(keyset, masterKey.aead(), associatedData(subject));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot wrap the key of " + subject, e);
        }
    }

    private static KeysetHandle newKeyset() {
        try {
            return Tink.newKeyset();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot generate a key", e);
        }
    }

    private static byte[] associatedData(Subject subject) {
        return Aad.of("langnghe.keyring.v1", subject.kind().name(), subject.id());
    }
}
