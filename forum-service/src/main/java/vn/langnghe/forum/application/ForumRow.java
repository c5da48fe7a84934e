package vn.langnghe.forum.application;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.UUID;

/** One forum of the inline read model: what lists show and what access is decided on. No personal data. */
public record ForumRow(
        UUID id,
        String sessionKind,
        String hostUnitId,
        String venueUnitId,
        String venueName,
        String status,
        LocalDateTime startsAt,
        LocalDate scheduledOn,
        LocalDate openedOn,
        LocalDate closedOn,
        LocalDate minutesPublishedOn,
        Integer attendanceTotal,
        int opinionCount,
        int answeredOnTheSpot,
        int followUpCount,
        int escalatedCount,
        long version,
        long firstPosition,
        long lastPosition) {}
