-- Bulk import of paper and spreadsheet registers (see docs/services/intake-service.md, "Bulk import").
-- A job's raw lines are never stored (they carry reporters' identities): only counts and a report of
-- line numbers, field names and messages that echo no personal value.
CREATE TABLE import_jobs (
    id               UUID        PRIMARY KEY,
    unit_id          TEXT        NOT NULL,   -- the importing officer's unit: who may follow the job
    actor            TEXT        NOT NULL,   -- the officer's subject, recorded on every event
    state            TEXT        NOT NULL,   -- QUEUED, VALIDATING, IMPORTING, SUCCEEDED, FAILED
    lines_total      INT         NOT NULL,
    lines_validated  INT         NOT NULL DEFAULT 0,
    lines_invalid    INT         NOT NULL DEFAULT 0,
    lines_skipped    INT         NOT NULL DEFAULT 0,
    lines_imported   INT         NOT NULL DEFAULT 0,
    events_written   INT         NOT NULL DEFAULT 0,
    events_per_second NUMERIC(12, 1),
    failure          TEXT,
    report           JSONB       NOT NULL DEFAULT '[]',
    report_truncated BOOLEAN     NOT NULL DEFAULT false,
    created_at       TIMESTAMPTZ NOT NULL,
    started_at       TIMESTAMPTZ,
    finished_at      TIMESTAMPTZ,
    heartbeat_at     TIMESTAMPTZ NOT NULL    -- a running job's instance touches it; a stale one was interrupted
);

-- What was imported, so that re-running a file never duplicates a case. The key is the receiving unit
-- (the register's owner) and the register's own reference; line_hash is an HMAC of the line (it holds
-- personal data), so a changed line under a known reference is told apart from a true re-run.
CREATE TABLE import_records (
    unit_id        TEXT        NOT NULL,
    external_ref   TEXT        NOT NULL,
    line_hash      TEXT        NOT NULL,
    submission_id  UUID        NOT NULL UNIQUE,
    job_id         UUID        NOT NULL REFERENCES import_jobs (id),
    imported_at    TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (unit_id, external_ref)
);

-- Requests received through the Open311 GeoReport v2 facade: the service code asked for and the
-- incident's coordinates, beside the native submission (its status, dates and summary live there).
-- The address text and the citizen's words are case text (encrypted), names are in the vault.
CREATE TABLE open311_requests (
    submission_id  UUID        PRIMARY KEY REFERENCES submissions (id),
    client_id      TEXT        NOT NULL,
    service_code   TEXT        NOT NULL,
    lat            NUMERIC(9, 6),
    long           NUMERIC(9, 6),
    requested_at   TIMESTAMPTZ NOT NULL
);
CREATE INDEX open311_requests_client ON open311_requests (client_id, requested_at);
