-- Personal data of citizens, encrypted (ADR 0007). Plaintext personal values are never stored here,
-- and nothing is indexed by a hash of a personal value.

-- Key material has its own schema so that it can be backed up separately, with a shorter retention
-- than the data: once that window has passed, no backup can bring a destroyed key back.
CREATE SCHEMA keyring;

-- One data-encryption key per person and per case: a Tink keyset encrypted under the master key.
-- Destroying a key sets keyset to NULL; the row stays as a tombstone so the subject cannot be re-keyed.
CREATE TABLE keyring.subject_keys (
    kind           TEXT        NOT NULL CHECK (kind IN ('PERSON', 'CASE')),
    subject_id     TEXT        NOT NULL,  -- an opaque id (person id or case id), never a personal value
    keyset         BYTEA,                 -- NULL once destroyed
    created_at     TIMESTAMPTZ NOT NULL,
    destroyed_at   TIMESTAMPTZ,
    destroy_reason TEXT,
    PRIMARY KEY (kind, subject_id),
    CONSTRAINT destroyed_means_no_key CHECK ((keyset IS NULL) = (destroyed_at IS NOT NULL)),
    CONSTRAINT destroyed_with_reason CHECK ((destroyed_at IS NULL) = (destroy_reason IS NULL))
);

-- A key never changes: the only update allowed destroys it; tombstones are never deleted.
CREATE FUNCTION keyring.keys_only_destroyed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'UPDATE' AND OLD.keyset IS NOT NULL AND NEW.keyset IS NULL
            AND NEW.kind = OLD.kind AND NEW.subject_id = OLD.subject_id AND NEW.created_at = OLD.created_at THEN
        RETURN NEW;
    END IF;
    RAISE EXCEPTION 'keys can only be destroyed (% refused)', TG_OP;
END;
$$;
CREATE TRIGGER subject_keys_only_destroyed BEFORE UPDATE OR DELETE ON keyring.subject_keys
    FOR EACH ROW EXECUTE FUNCTION keyring.keys_only_destroyed();

-- PostgreSQL keeps the old row version (with the wrapped key) until vacuum: vacuum this table eagerly.
ALTER TABLE keyring.subject_keys SET (autovacuum_vacuum_threshold = 0, autovacuum_vacuum_scale_factor = 0);

-- Reporters' identities, each encrypted under its person's key; events carry only ref.
CREATE TABLE personal_identities (
    ref        TEXT        PRIMARY KEY,  -- idv-<random uuid>
    person_id  TEXT        NOT NULL,
    record_id  TEXT        NOT NULL,     -- what the identity belongs to, e.g. the submission id
    ciphertext BYTEA       NOT NULL,     -- associated data: ref, person_id, record_id
    created_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX personal_identities_person ON personal_identities (person_id);

-- Free text by or about citizens, encrypted under the case's key.
CREATE TABLE case_texts_encrypted (
    case_id    UUID        NOT NULL,
    text_kind  TEXT        NOT NULL,
    ciphertext BYTEA       NOT NULL,     -- associated data: case_id, text_kind
    written_at TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (case_id, text_kind)
);

-- Every read of personal data, allowed or denied: its own stream, never the event store.
CREATE TABLE personal_access_audit (
    id           BIGSERIAL   PRIMARY KEY,
    at           TIMESTAMPTZ NOT NULL,
    actor        TEXT        NOT NULL,
    actor_role   TEXT        NOT NULL,
    purpose      TEXT        NOT NULL,
    subject_type TEXT        NOT NULL CHECK (subject_type IN ('IDENTITY', 'CASE_TEXT')),
    subject_ref  TEXT        NOT NULL,   -- identity ref or case id, never a personal value
    case_id      UUID,
    allowed      BOOLEAN     NOT NULL,
    reason       TEXT,
    CONSTRAINT denied_with_reason CHECK (allowed OR reason IS NOT NULL)
);
CREATE INDEX personal_access_audit_subject ON personal_access_audit (subject_ref, id);

CREATE FUNCTION personal_access_audit_is_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'the access audit is append-only (% refused)', TG_OP;
END;
$$;
CREATE TRIGGER personal_access_audit_no_update_or_delete BEFORE UPDATE OR DELETE ON personal_access_audit
    FOR EACH ROW EXECUTE FUNCTION personal_access_audit_is_append_only();
CREATE TRIGGER personal_access_audit_no_truncate BEFORE TRUNCATE ON personal_access_audit
    FOR EACH STATEMENT EXECUTE FUNCTION personal_access_audit_is_append_only();
