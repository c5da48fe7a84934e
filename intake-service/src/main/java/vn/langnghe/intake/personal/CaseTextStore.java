package vn.langnghe.intake.personal;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;
import java.util.UUID;

/**
 * Free text by or about a citizen (the description, verification findings, the answer letter): never
 * in an event. The store encrypted under the case's key (issue 4) implements this same interface.
 */
public interface CaseTextStore {

    enum TextKind { DESCRIPTION, FINDINGS, ANSWER_LETTER }

    void write(Connection tx, UUID submissionId, TextKind kind, String body) throws SQLException;

    Map<TextKind, String> read(UUID submissionId);
}
