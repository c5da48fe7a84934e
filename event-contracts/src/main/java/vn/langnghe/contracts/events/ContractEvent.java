package vn.langnghe.contracts.events;

import com.fasterxml.jackson.annotation.JsonIgnore;

/**
 * The data of an event that crosses services: the {@code data} of a CloudEvent whose {@code type} is
 * {@link #contractType()}. Records only; each declares its type name as a {@code TYPE} constant.
 *
 * <p>Sealed so a consumer's {@code switch} over the contracts is checked by the compiler.
 */
public sealed interface ContractEvent permits ForumLifecycleEvent, SubmissionOutcome, SubmissionLifecycleEvent {

    /** The stable CloudEvents type name, e.g. {@code forum.OpinionEscalated.v1}; never a class name. */
    @JsonIgnore
    String contractType();
}
