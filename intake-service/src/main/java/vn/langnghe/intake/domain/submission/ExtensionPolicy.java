package vn.langnghe.intake.domain.submission;

import java.util.Optional;

/** Whether the law allows one more deadline extension (gia hạn) for this reason; the legal clock answers. */
@FunctionalInterface
public interface ExtensionPolicy {

    /** Empty when allowed; otherwise why not, in words an officer understands. */
    Optional<String> refusal(Submission submission, String reasonCode);
}
