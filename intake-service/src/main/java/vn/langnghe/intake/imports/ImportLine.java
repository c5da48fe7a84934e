package vn.langnghe.intake.imports;

import java.time.LocalDate;
import java.util.List;
import vn.langnghe.contracts.events.Channel;
import vn.langnghe.contracts.events.Conclusion;
import vn.langnghe.contracts.events.NotAcceptedReason;
import vn.langnghe.contracts.events.SubmissionKind;

/**
 * One line of an import file (JSON lines): a case from a unit's paper or spreadsheet register, with the
 * date of every step it has reached. Unknown fields are errors. Steps are applied in the lifecycle's
 * order (received, classified, accepted, verification started, concluded, then one exit), each deadline
 * extension and the valuable-tip rating at its own date in between.
 *
 * @param externalRef the register's own reference (số sổ), unique per receiving unit
 * @param unitId the receiving unit, in the importing officer's subtree
 */
record ImportLine(
        String externalRef,
        SubmissionKind kind,
        Channel channel,
        String unitId,
        LocalDate receivedOn,
        String topic,
        String description,
        Reporter reporter,
        Classified classified,
        Accepted accepted,
        LocalDate verificationStartedOn,
        Concluded concluded,
        Answered answered,
        Transferred transferred,
        NotAccepted notAccepted,
        LocalDate withdrawnOn,
        List<Extension> extensions,
        LocalDate ratedValuableOn) {

    /** Personal data: to the identity vault only. */
    record Reporter(String fullName, String phone, String idNumber, String address, String email) {}

    /** @param unitId default: the line's unit */
    record Classified(LocalDate on, SubmissionKind kind, String topic, List<String> tags, String unitId,
            String publicSummary) {}

    record Accepted(LocalDate on, Boolean complex) {}

    /** @param findings case text, encrypted */
    record Concluded(LocalDate on, Conclusion conclusion, String findings) {}

    /** @param letter case text, encrypted */
    record Answered(LocalDate on, String answerSummary, String letter) {}

    record Transferred(LocalDate on, String toAgency, String reason) {}

    record NotAccepted(LocalDate on, NotAcceptedReason legalReason, String note) {}

    record Extension(LocalDate on, String reasonCode, String reason) {}
}
