package vn.langnghe.contracts.events;

import static java.util.Objects.requireNonNull;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Who came to a forum or resident meeting (số lượt người dự): the total, which reports sum, and the
 * breakdown per participant group where it was counted. The groups counted may add up to less than
 * the total, never to more.
 *
 * @param total   people present, at least the sum of {@code byGroup}
 * @param byGroup one entry per counted group, each group at most once; may be empty (a resident meeting
 *                counted only in total)
 */
public record Attendance(int total, List<GroupAttendance> byGroup) {

    public Attendance {
        requireNonNull(byGroup, "byGroup");
        byGroup = List.copyOf(byGroup);
        if (total < 0) {
            throw new IllegalArgumentException("total attendance must not be negative, was " + total);
        }
        Set<ParticipantGroup> seen = EnumSet.noneOf(ParticipantGroup.class);
        long sum = 0;
        for (GroupAttendance g : byGroup) {
            if (!seen.add(g.group())) {
                throw new IllegalArgumentException("byGroup counts " + g.group() + " twice");
            }
            sum += g.count();
        }
        if (sum > total) {
            throw new IllegalArgumentException("byGroup adds up to " + sum + ", more than the total " + total);
        }
    }
}
