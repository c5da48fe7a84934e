package vn.langnghe.personal;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.UUID;
import java.util.regex.Pattern;
import javax.sql.DataSource;

/**
 * Free text by or about a citizen (description, findings, answer letter), one text per case and kind,
 * encrypted under the case's key and bound to case and kind. Never in an event. Erasing the case
 * destroys its key; the case's history and statistics stay.
 */
public final class EncryptedCaseTexts {

    private static final String FORMAT = "langnghe.case-text.v1";
    // a kind is a label, never content: upper-case words only
    private static final Pattern TEXT_KIND = Pattern.compile("[A-Z][A-Z0-9_]{0,63}");

    private final DataSource dataSource;
    private final KeyRing keys;
    private final AccessAudit audit;
    private final Clock clock;

    public EncryptedCaseTexts(DataSource dataSource, KeyRing keys, AccessAudit audit) {
        this(dataSource, keys, audit, Clock.systemUTC());
    }

    public EncryptedCaseTexts(DataSource dataSource, KeyRing keys, AccessAudit audit, Clock clock) {
        this.dataSource = dataSource;
        this.keys = keys;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * Writes (or replaces) one text of the case inside the caller's transaction.
     *
     * @param textKind e.g. {@code DESCRIPTION}, {@code FINDINGS}, {@code ANSWER_LETTER}
     * @throws SubjectErased if the case was erased
     */
    public void write(Connection tx, UUID caseId, String textKind, String body) throws SQLException {
        Objects.requireNonNull(caseId, "caseId");
        Objects.requireNonNull(body, "body");
        if (textKind == null || !TEXT_KIND.matcher(textKind).matches()) {
            throw new IllegalArgumentException("textKind must match " + TEXT_KIND.pattern());
        }
        byte[] ciphertext = Ciphers.seal(keys.ensureKey(tx, Subject.ofCase(caseId)),
                body.getBytes(StandardCharsets.UTF_8), aad(caseId, textKind));
        try (PreparedStatement upsert = tx.prepareStatement("INSERT INTO case_texts_encrypted (case_id, text_kind,"
                + " ciphertext, written_at) VALUES (?, ?, ?, now()) ON CONFLICT (case_id, text_kind)"
                + " DO UPDATE SET ciphertext = excluded.ciphertext, written_at = excluded.written_at")) {
            upsert.setObject(1, caseId);
            upsert.setString(2, textKind);
            upsert.setBytes(3, ciphertext);
            upsert.executeUpdate();
        }
    }

    /**
     * The case's texts by kind. Audited first, in its own commit (see {@link EncryptedIdentityVault#read}).
     * Missing if nothing was ever written for the case.
     */
    public Readout<SortedMap<String, String>> read(UUID caseId, Access access) {
        Objects.requireNonNull(caseId, "caseId");
        audit.record(access.allowed(SubjectType.CASE_TEXT, caseId.toString(), caseId, clock.instant()));
        return Jdbc.withConnection(dataSource, connection -> {
            Map<String, byte[]> sealed = sealedTexts(connection, caseId);
            return switch (keys.find(connection, Subject.ofCase(caseId))) {
                case KeyState.Active key -> new Readout.Found<>(open(key, caseId, sealed));
                case KeyState.Destroyed destroyed -> new Readout.Erased<>(destroyed.destroyedAt());
                case KeyState.Absent absent -> {
                    if (!sealed.isEmpty()) {
                        throw new IllegalStateException("texts of case " + caseId + " have no key");
                    }
                    yield new Readout.Missing<>();
                }
            };
        });
    }

    /** Records a denied read (the caller decided the access is not allowed). */
    public void refuse(UUID caseId, Access access, String reason) {
        audit.record(access.denied(SubjectType.CASE_TEXT, caseId.toString(), caseId, reason, clock.instant()));
    }

    /** Crypto-shreds the case's texts by destroying its key. @return true if a key was destroyed now */
    public boolean eraseCase(Connection tx, UUID caseId, String reason) throws SQLException {
        return keys.destroy(tx, Subject.ofCase(caseId), reason);
    }

    private static Map<String, byte[]> sealedTexts(Connection connection, UUID caseId) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT text_kind, ciphertext FROM case_texts_encrypted WHERE case_id = ?")) {
            select.setObject(1, caseId);
            try (ResultSet rs = select.executeQuery()) {
                Map<String, byte[]> sealed = new LinkedHashMap<>();
                while (rs.next()) {
                    sealed.put(rs.getString(1), rs.getBytes(2));
                }
                return sealed;
            }
        }
    }

    private static SortedMap<String, String> open(KeyState.Active key, UUID caseId, Map<String, byte[]> sealed) {
        SortedMap<String, String> texts = new TreeMap<>();
        sealed.forEach((kind, ciphertext) -> texts.put(kind, new String(
                Ciphers.open(key.aead(), ciphertext, aad(caseId, kind), "text " + kind + " of case " + caseId),
                StandardCharsets.UTF_8)));
        return Collections.unmodifiableSortedMap(texts);
    }

    private static byte[] aad(UUID caseId, String textKind) {
        return Aad.of(FORMAT, caseId.toString(), textKind);
    }
}
