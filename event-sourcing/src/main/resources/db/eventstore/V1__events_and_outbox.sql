-- The append-only event log of one service. It is also the outbox: the relay publishes rows in
-- global_position order and remembers how far it got in outbox_position.
CREATE TABLE events (
    global_position BIGSERIAL   PRIMARY KEY,  -- taken under the append lock, so it follows commit order
    stream_id       TEXT        NOT NULL,
    stream_type     TEXT        NOT NULL,     -- aggregate type, decides the Kafka topic
    version         INT         NOT NULL CHECK (version > 0),
    event_id        UUID        NOT NULL UNIQUE,
    event_type      TEXT        NOT NULL,     -- stable name, e.g. intake.SubmissionReceived.v1
    data            JSONB       NOT NULL,
    effective_at    TIMESTAMPTZ NOT NULL,     -- when it happened in the world (may be in the past)
    recorded_at     TIMESTAMPTZ NOT NULL,     -- when the system recorded it
    actor           TEXT,
    correlation_id  UUID,
    causation_id    UUID,
    CONSTRAINT events_stream_version UNIQUE (stream_id, version)
);

-- Events must never change once written.
CREATE FUNCTION events_are_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'events are append-only (% refused)', TG_OP;
END;
$$;
CREATE TRIGGER events_no_update_or_delete BEFORE UPDATE OR DELETE ON events
    FOR EACH ROW EXECUTE FUNCTION events_are_append_only();

-- How far each relay has published (one row per relay name).
CREATE TABLE outbox_position (
    relay        TEXT        PRIMARY KEY,
    position     BIGINT      NOT NULL,
    published_at TIMESTAMPTZ NOT NULL
);
