package vn.langnghe.eventsourcing.store;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * Who caused the events of one command, and when they took effect in the world.
 *
 * @param effectiveAt when it happened (a forum keyed in after the fact has a past date)
 * @param actor the authenticated subject, never a citizen's name
 * @param correlationId ties together everything caused by one request
 * @param causationId the event or command that caused this one, if any
 */
public record EventContext(Instant effectiveAt, String actor, UUID correlationId, UUID causationId) {

    public EventContext {
        Objects.requireNonNull(effectiveAt, "effectiveAt");
    }

    public static EventContext at(Instant effectiveAt, String actor) {
        return new EventContext(effectiveAt, actor, UUID.randomUUID(), null);
    }
}
