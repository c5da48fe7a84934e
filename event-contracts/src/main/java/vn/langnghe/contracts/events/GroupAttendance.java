package vn.langnghe.contracts.events;

import static java.util.Objects.requireNonNull;

/** How many people of one participant group attended. */
public record GroupAttendance(ParticipantGroup group, int count) {

    public GroupAttendance {
        requireNonNull(group, "group");
        if (count < 0) {
            throw new IllegalArgumentException("count of " + group + " must not be negative, was " + count);
        }
    }
}
