package vn.langnghe.intake.domain.submission;

import vn.langnghe.contracts.events.Channel;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import vn.langnghe.contracts.events.Conclusion;
import vn.langnghe.contracts.events.NotAcceptedReason;
import vn.langnghe.contracts.events.SubmissionKind;

/**
 * What may be asked of a submission. Each command carries the effective date written on the paper
 * record (or today for live input): the legal clocks run on these dates.
 */
public sealed interface SubmissionCommand {

    LocalDate effectiveOn();

    /** Tiếp nhận. {@code reporterRef} is an identity-vault reference; null means anonymous. */
    record Receive(UUID submissionId, String trackingCode, SubmissionKind kind, Channel channel, String unitId,
            String reporterRef, String partnerClientId, UUID originatingOpinionId, String declaredTopic,
            LocalDate effectiveOn) implements SubmissionCommand {}

    /** Phân loại, or a reclassification (history is kept: each is its own event). */
    record Classify(SubmissionKind kind, String topic, List<String> tags, String unitId, String publicSummary,
            LocalDate effectiveOn) implements SubmissionCommand {}

    /** Thụ lý: the resolution clock starts. {@code complex} lengthens some limits. */
    record Accept(boolean complex, LocalDate effectiveOn) implements SubmissionCommand {}

    /** Xác minh. */
    record StartVerification(LocalDate effectiveOn) implements SubmissionCommand {}

    /** Kết luận. */
    record Conclude(Conclusion conclusion, LocalDate effectiveOn) implements SubmissionCommand {}

    /** Trả lời: {@code answerSummary} is the public, name-free summary; the letter itself is case text. */
    record Answer(String answerSummary, LocalDate effectiveOn) implements SubmissionCommand {}

    /** Chuyển đơn to the competent agency. */
    record Transfer(String toAgency, String reason, LocalDate effectiveOn) implements SubmissionCommand {}

    /** Không thụ lý, with the legal reason. */
    record RefuseAcceptance(NotAcceptedReason legalReason, String note, LocalDate effectiveOn)
            implements SubmissionCommand {}

    /** Merge into another submission as a duplicate. */
    record MarkDuplicate(UUID mergedInto, LocalDate effectiveOn) implements SubmissionCommand {}

    /** Rút đơn: the citizen withdraws. */
    record Withdraw(LocalDate effectiveOn) implements SubmissionCommand {}

    /** Gia hạn: an explicit decision with a reason; the law decides whether one more is allowed. */
    record ExtendDeadline(String reasonCode, String reason, LocalDate effectiveOn) implements SubmissionCommand {}

    /**
     * Erase the reporter's identity (crypto-shredding): only once the case is closed and its legal
     * retention after closing has passed.
     */
    record EraseReporter(java.time.Period retentionAfterClosing, LocalDate effectiveOn) implements SubmissionCommand {}

    /** Tin có giá trị: only tips. */
    record RateValuable(LocalDate effectiveOn) implements SubmissionCommand {}
}
