package vn.langnghe.intake.rest;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import vn.langnghe.contracts.events.Channel;
import vn.langnghe.contracts.events.SubmissionKind;

/**
 * A citizen's submission as a partner portal or a reception officer sends it.
 *
 * @param channel how it reached the police; a partner's default is PARTNER_PORTAL
 * @param receivedOn the date on the paper record; default today (Asia/Ho_Chi_Minh)
 * @param topic the topic the citizen chose, if any (the officer classifies it later)
 * @param description the citizen's own words; stored as case text, never in an event
 * @param reporter who reports; omit for an anonymous submission
 */
public record SubmitRequest(
        @NotNull SubmissionKind kind,
        Channel channel,
        @NotBlank @Size(max = 64) String unitId,
        LocalDate receivedOn,
        @Size(max = 40) String topic,
        @Size(max = 20_000) String description,
        @Valid ReporterRequest reporter) {

    /** Personal data: goes to the identity vault only. */
    public record ReporterRequest(
            @Size(max = 200) String fullName,
            @Size(max = 32) String phone,
            @Size(max = 32) String idNumber,
            @Size(max = 500) String address,
            @Size(max = 254) String email) {}
}
