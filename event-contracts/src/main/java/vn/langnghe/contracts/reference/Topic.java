package vn.langnghe.contracts.reference;

import static java.util.Objects.requireNonNull;

/** One topic (chủ đề / lĩnh vực) of the shared taxonomy, e.g. {@code LOAN_SHARKS} = tín dụng đen. */
public record Topic(String code, String labelVi, String labelEn) {

    public Topic {
        requireNonNull(code, "code");
        requireNonNull(labelVi, "labelVi");
        requireNonNull(labelEn, "labelEn");
    }
}
