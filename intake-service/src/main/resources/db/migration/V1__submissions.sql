-- Inline read model of submissions, written in the same transaction as their events (so a partner
-- reading right after a 201 sees its submission). last_position is the global position of the
-- submission's latest event: positions follow commit order, so it is a gap-free cursor for the
-- changes feed. No personal data here: names and free text live in the vault and case-text tables.
CREATE TABLE submissions (
    id                   UUID        PRIMARY KEY,
    tracking_code        TEXT        NOT NULL UNIQUE,
    kind                 TEXT        NOT NULL,
    channel              TEXT        NOT NULL,
    unit_id              TEXT        NOT NULL,
    status               TEXT        NOT NULL,
    track                TEXT        NOT NULL,
    identified           BOOLEAN     NOT NULL,
    partner_client_id    TEXT,
    originating_opinion  UUID        UNIQUE,
    topic                TEXT,
    public_summary       TEXT,
    received_on          DATE        NOT NULL,
    accepted_on          DATE,
    closed_on            DATE,
    acceptance_due       DATE,
    acceptance_notice_due DATE,
    resolution_due       DATE,
    next_due             DATE,        -- what the officer's inbox sorts by
    clock_started_on     DATE,        -- start of the period next_due ends (for at-risk)
    version              INT         NOT NULL,
    first_position       BIGINT      NOT NULL,  -- cursor of the partner's list (order of receipt)
    last_position        BIGINT      NOT NULL,
    updated_at           TIMESTAMPTZ NOT NULL
);
CREATE INDEX submissions_partner_list ON submissions (partner_client_id, first_position);
CREATE INDEX submissions_partner_feed ON submissions (partner_client_id, last_position);
CREATE INDEX submissions_unit_due ON submissions (unit_id, next_due) WHERE closed_on IS NULL;

-- A partner's Idempotency-Key: a true retry gets the original answer, another body with the same key 422.
CREATE TABLE idempotency_keys (
    client_id      TEXT        NOT NULL,
    idempotency_key TEXT       NOT NULL,
    request_hash   TEXT        NOT NULL,
    submission_id  UUID        NOT NULL,
    created_at     TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (client_id, idempotency_key)
);

-- Reporters' identities and case texts live encrypted in the personal-data tables (ADR 0007).
