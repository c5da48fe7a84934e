package vn.langnghe.intake.domain.clock;

import static java.util.Objects.requireNonNull;

import java.time.LocalDate;

/** An extension (gia hạn) that was granted, by its legal reason code and the day it was granted. */
public record GrantedExtension(String reasonCode, LocalDate grantedOn) {

    public GrantedExtension {
        if (reasonCode == null || reasonCode.isBlank()) {
            throw new IllegalArgumentException("a granted extension needs a reason code");
        }
        requireNonNull(grantedOn, "grantedOn");
    }
}
