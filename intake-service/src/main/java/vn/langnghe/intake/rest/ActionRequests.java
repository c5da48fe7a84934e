package vn.langnghe.intake.rest;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import vn.langnghe.contracts.events.Conclusion;
import vn.langnghe.contracts.events.NotAcceptedReason;
import vn.langnghe.contracts.events.SubmissionKind;

/**
 * Bodies of the lifecycle commands. {@code effectiveOn} is the date on the paper decision; default
 * today. Summaries are public and officer-written: no names.
 */
public final class ActionRequests {

    private ActionRequests() {}

    public record Classify(@NotNull SubmissionKind kind, @NotBlank @Size(max = 40) String topic,
            @Size(max = 10) List<@NotBlank @Size(max = 40) String> tags, @NotBlank @Size(max = 64) String unitId,
            @NotBlank @Size(max = 2000) String publicSummary, LocalDate effectiveOn) {}

    public record Accept(boolean complex, LocalDate effectiveOn) {}

    public record Dated(LocalDate effectiveOn) {}

    /** @param findings the verification findings: case text, never an event */
    public record Conclude(@NotNull Conclusion conclusion, @Size(max = 20_000) String findings,
            LocalDate effectiveOn) {}

    /** @param letter the answer letter to the citizen: case text, never an event */
    public record Answer(@NotBlank @Size(max = 2000) String answerSummary, @Size(max = 20_000) String letter,
            LocalDate effectiveOn) {}

    public record Transfer(@NotBlank @Size(max = 300) String toAgency, @NotBlank @Size(max = 500) String reason,
            LocalDate effectiveOn) {}

    public record Refuse(@NotNull NotAcceptedReason legalReason, @Size(max = 500) String note,
            LocalDate effectiveOn) {}

    public record Merge(@NotNull UUID mergedInto, LocalDate effectiveOn) {}

    public record Extend(@NotBlank @Pattern(regexp = "[A-Z][A-Z0-9_]{1,40}") String reasonCode,
            @NotBlank @Size(max = 500) String reason, LocalDate effectiveOn) {}
}
