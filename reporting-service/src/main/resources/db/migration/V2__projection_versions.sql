-- Projections live in one schema per generation (rp_<name>_g<N>, created by the service, see
-- vn.langnghe.reporting.projection.Projections); this row says which generation serves. A rebuild fills
-- a fresh generation from offset zero and switches by updating the row in one transaction.
CREATE TABLE projection_versions (
    name               TEXT        PRIMARY KEY,
    active_generation  INT         NOT NULL,
    last_generation    INT         NOT NULL,
    switched_at        TIMESTAMPTZ NOT NULL
);

-- The event flow moved into its projection schema; it is rebuilt from the topics.
DROP TABLE event_flow_daily;

-- Accent-insensitive Vietnamese search: unaccent, lower case, and đ/Đ → d spelled out (not every
-- unaccent rules file maps them). IMMUTABLE through the explicit dictionary, so it can be indexed.
CREATE EXTENSION IF NOT EXISTS unaccent;
CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE FUNCTION fold_vi(input TEXT) RETURNS TEXT
    LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
    AS $$ SELECT lower(public.unaccent('public.unaccent'::regdictionary, translate(input, 'đĐ', 'dD'))) $$;
