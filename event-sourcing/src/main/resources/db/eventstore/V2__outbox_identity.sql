-- The relay's source of truth moved to Kafka (ADR 0010): a committed position marker per relay in the
-- compacted topic langnghe.relay-positions. A marker names the outbox it counts in, so a fresh database
-- (a new outbox with the same relay name, as in tests or a rebuilt environment) never inherits another
-- database's position. A restored backup keeps its identity.
CREATE TABLE outbox_identity (
    singleton BOOLEAN PRIMARY KEY DEFAULT true CHECK (singleton),
    id        UUID    NOT NULL DEFAULT gen_random_uuid()
);
INSERT INTO outbox_identity DEFAULT VALUES;

-- outbox_position.position now mirrors the last committed marker (backlog metric, operators); it is
-- read only for a relay that has never written a marker. rewind_to is the operators' lever to publish
-- again from an earlier position (runbook): the next leader starts there and clears it.
ALTER TABLE outbox_position ADD COLUMN rewind_to BIGINT CHECK (rewind_to >= 0);
