-- Per consumer and stream: the last stream version whose effect was committed. Written in the same
-- transaction as the effect, so a redelivered event is recognised and changes nothing.
CREATE TABLE consumer_checkpoints (
    consumer     TEXT        NOT NULL,
    stream_id    TEXT        NOT NULL,
    version      INT         NOT NULL,
    updated_at   TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (consumer, stream_id)
);

-- Events that arrived ahead of a missing predecessor. They are applied, in version order, as soon as
-- the gap is filled, so an out-of-order delivery is neither lost nor applied early.
CREATE TABLE consumer_parked_events (
    consumer     TEXT        NOT NULL,
    stream_id    TEXT        NOT NULL,
    version      INT         NOT NULL,
    event        JSONB       NOT NULL,
    parked_at    TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (consumer, stream_id, version)
);
