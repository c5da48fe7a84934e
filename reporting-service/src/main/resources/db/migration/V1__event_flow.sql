-- Event flow read model: how many events of each type arrived from each source, per Vietnamese day
-- of their effective time. It lets analysts and operators see the pipeline working end to end and
-- is rebuilt like any projection. It holds no personal data: only type names, days and counts.
CREATE TABLE event_flow_daily (
    source      TEXT    NOT NULL,
    event_type  TEXT    NOT NULL,
    day         DATE    NOT NULL,
    events      BIGINT  NOT NULL,
    PRIMARY KEY (source, event_type, day)
);
