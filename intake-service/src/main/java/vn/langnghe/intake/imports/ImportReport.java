package vn.langnghe.intake.imports;

import com.fasterxml.jackson.annotation.JsonInclude;

/** The per-line report of an import: what failed (and where), what was skipped as already imported. */
public final class ImportReport {

    /** Entries kept per job; the counts stay exact beyond it. */
    static final int MAX_ENTRIES = 1000;

    /**
     * @param line the line number in the file (1-based, blank lines counted)
     * @param outcome INVALID (the file was not imported because of it) or SKIPPED (already imported)
     * @param field the field at fault, as a path in the line ({@code accepted.on}, {@code extensions[0].reason})
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Entry(int line, String externalRef, String outcome, String field, String message, String submissionId) {}

    private ImportReport() {}

    static Entry invalid(int line, String externalRef, String field, String message) {
        return new Entry(line, externalRef, "INVALID", field, message, null);
    }

    static Entry skipped(int line, String externalRef, String submissionId) {
        return new Entry(line, externalRef, "SKIPPED", "externalRef", "already imported", submissionId);
    }
}
