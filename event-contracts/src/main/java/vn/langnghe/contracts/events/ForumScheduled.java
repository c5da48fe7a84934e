package vn.langnghe.contracts.events;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * A forum or resident meeting was scheduled (lên kế hoạch): who hosts it, where, when, the delegation
 * and the groups invited.
 *
 * @param sessionKind        a listening forum or a resident meeting
 * @param hostUnitId         code of the organising unit (e.g. the city police)
 * @param venueUnitId        code of the ward, commune or special zone where it is held; within the host's subtree
 * @param venueName          the hall, e.g. "Hội trường UBND phường An Dương", or null; 1..300 characters
 * @param startsAt           the planned start
 * @param delegationHead     trưởng đoàn, by unit and position
 * @param delegationMembers  the other delegates, may be empty
 * @param invitedGroups      participant groups invited, distinct, may be empty
 */
public record ForumScheduled(
        UUID forumId,
        SessionKind sessionKind,
        String hostUnitId,
        String venueUnitId,
        String venueName,
        Instant startsAt,
        Delegate delegationHead,
        List<Delegate> delegationMembers,
        List<ParticipantGroup> invitedGroups,
        Instant effectiveAt) implements ForumLifecycleEvent {

    public static final String TYPE = "forum.ForumScheduled.v1";

    public static final int VENUE_NAME_MAX_LENGTH = 300;

    public ForumScheduled {
        requireNonNull(forumId, "forumId");
        requireNonNull(sessionKind, "sessionKind");
        CommonFields.requireUnitCode(hostUnitId, "hostUnitId");
        CommonFields.requireUnitCode(venueUnitId, "venueUnitId");
        CommonFields.optionalLength(venueName, 1, VENUE_NAME_MAX_LENGTH, "venueName");
        requireNonNull(startsAt, "startsAt");
        requireNonNull(delegationHead, "delegationHead");
        requireNonNull(delegationMembers, "delegationMembers");
        delegationMembers = List.copyOf(delegationMembers);
        requireNonNull(invitedGroups, "invitedGroups");
        invitedGroups = List.copyOf(invitedGroups);
        Set<ParticipantGroup> distinct = invitedGroups.isEmpty()
                ? EnumSet.noneOf(ParticipantGroup.class) : EnumSet.copyOf(invitedGroups);
        if (distinct.size() != invitedGroups.size()) {
            throw new IllegalArgumentException("invitedGroups repeats a group: " + invitedGroups);
        }
        requireNonNull(effectiveAt, "effectiveAt");
    }

    @Override
    public String contractType() {
        return TYPE;
    }
}
