package vn.langnghe.forum.application;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import vn.langnghe.contracts.events.OpinionNature;
import vn.langnghe.contracts.events.ParticipantGroup;
import vn.langnghe.personal.PersonalIdentity;

/**
 * An opinion as an organiser records it, already normalised (NFC, trimmed) and bounded by the REST edge.
 *
 * @param speaker the speaker's name and contact when given: to the identity vault only, null otherwise
 * @param text    the speaker's own words: encrypted case text, never in an event; may be null
 */
public record NewOpinion(
        UUID opinionId,
        ParticipantGroup speakerGroup,
        PersonalIdentity speaker,
        String topic,
        List<String> tags,
        OpinionNature nature,
        String publicSummary,
        String text,
        LocalDate effectiveOn) {}
