package vn.langnghe.personal;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * Reporters' identities, each encrypted under its person's key and bound (associated data) to its
 * reference, person and record. Events and Kafka carry only the reference, which is random and says
 * nothing about the person. Erasing the person destroys the key: all their identities become unreadable.
 */
public final class EncryptedIdentityVault {

    private static final String FORMAT = "langnghe.identity.v1";

    private final DataSource dataSource;
    private final KeyRing keys;
    private final AccessAudit audit;
    private final Clock clock;
    // unknown fields are ignored so that an identity written by a newer version stays readable
    private final ObjectMapper json =
            new ObjectMapper().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    public EncryptedIdentityVault(DataSource dataSource, KeyRing keys, AccessAudit audit) {
        this(dataSource, keys, audit, Clock.systemUTC());
    }

    public EncryptedIdentityVault(DataSource dataSource, KeyRing keys, AccessAudit audit, Clock clock) {
        this.dataSource = dataSource;
        this.keys = keys;
        this.audit = audit;
        this.clock = clock;
    }

    /** A fresh person id, for a reporter not known from an earlier record. */
    public static String newPersonId() {
        return "psn-" + UUID.randomUUID();
    }

    /**
     * Encrypts and stores the identity inside the caller's transaction, creating the person's key if
     * needed, and returns its reference ({@code idv-<uuid>}).
     *
     * @param recordId what the identity belongs to, e.g. the submission id
     * @throws SubjectErased if the person was erased
     */
    public String store(Connection tx, String personId, String recordId, byte[] plaintextJson) throws SQLException {
        Checks.notBlank(personId, "personId");
        Checks.notBlank(recordId, "recordId");
        String ref = "idv-" + UUID.randomUUID();
        byte[] ciphertext = Ciphers.seal(
                keys.ensureKey(tx, Subject.person(personId)), plaintextJson, aad(ref, personId, recordId));
        try (PreparedStatement insert = tx.prepareStatement("INSERT INTO personal_identities (ref, person_id,"
                + " record_id, ciphertext, created_at) VALUES (?, ?, ?, ?, now())")) {
            insert.setString(1, ref);
            insert.setString(2, personId);
            insert.setString(3, recordId);
            insert.setBytes(4, ciphertext);
            insert.executeUpdate();
        }
        return ref;
    }

    public String store(Connection tx, String personId, String recordId, PersonalIdentity identity)
            throws SQLException {
        try {
            return store(tx, personId, recordId, json.writeValueAsBytes(identity));
        } catch (IOException e) {
            throw new IllegalStateException("cannot serialize an identity", e);
        }
    }

    /**
     * Decrypts the identity. The read is audited first, in its own commit, so that no disclosure happens
     * without an audit entry even when the read then fails.
     */
    public Readout<byte[]> read(String ref, Access access) {
        audit.record(access.allowed(SubjectType.IDENTITY, ref, access.caseId(), clock.instant()));
        return Jdbc.withConnection(dataSource, connection -> {
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT person_id, record_id, ciphertext FROM personal_identities WHERE ref = ?")) {
                select.setString(1, ref);
                try (ResultSet rs = select.executeQuery()) {
                    if (!rs.next()) {
                        return new Readout.Missing<>();
                    }
                    String personId = rs.getString(1);
                    byte[] associatedData = aad(ref, personId, rs.getString(2));
                    byte[] ciphertext = rs.getBytes(3);
                    return switch (keys.find(connection, Subject.person(personId))) {
                        case KeyState.Active key -> new Readout.Found<>(
                                Ciphers.open(key.aead(), ciphertext, associatedData, "identity " + ref));
                        case KeyState.Destroyed destroyed -> new Readout.Erased<>(destroyed.destroyedAt());
                        case KeyState.Absent absent -> throw new IllegalStateException("identity " + ref + " has no key");
                    };
                }
            }
        });
    }

    public Readout<PersonalIdentity> readIdentity(String ref, Access access) {
        return read(ref, access).map(bytes -> {
            try {
                return json.readValue(bytes, PersonalIdentity.class);
            } catch (IOException e) {
                throw new IllegalStateException("identity " + ref + " is not a PersonalIdentity", e);
            }
        });
    }

    /** Records a denied read (the caller decided the access is not allowed). */
    public void refuse(String ref, Access access, String reason) {
        audit.record(access.denied(SubjectType.IDENTITY, ref, access.caseId(), reason, clock.instant()));
    }

    /** The person an identity belongs to (an opaque id), e.g. to erase them. */
    public Optional<String> personIdOf(String ref) {
        return Jdbc.withConnection(dataSource, connection -> {
            try (PreparedStatement select =
                    connection.prepareStatement("SELECT person_id FROM personal_identities WHERE ref = ?")) {
                select.setString(1, ref);
                try (ResultSet rs = select.executeQuery()) {
                    return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
                }
            }
        });
    }

    /**
     * Crypto-shreds the person: destroys their key, so every identity stored for them is unreadable
     * everywhere, while the cases and statistics that refer to them stay.
     *
     * @return true if a key was destroyed now
     */
    public boolean erasePerson(Connection tx, String personId, String reason) throws SQLException {
        return keys.destroy(tx, Subject.person(personId), reason);
    }

    private static byte[] aad(String ref, String personId, String recordId) {
        return Aad.of(FORMAT, ref, personId, recordId);
    }
}
