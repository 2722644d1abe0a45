-- A plain table becomes partitioned (its serial keeps its sequence, a view and a foreign key read it), a
-- partitioned one becomes plain (its partitions go), and a partition key changes
-- with a partition that stays.
CREATE TABLE events (id serial PRIMARY KEY, at date NOT NULL, body text);
CREATE INDEX events_at ON events (at);
CREATE VIEW recent_events AS SELECT id, at FROM events WHERE at > DATE '2026-01-01';
CREATE TABLE event_notes (event_id int REFERENCES events, note text);
COMMENT ON TABLE events IS 'what happened';

CREATE TABLE readings (id int NOT NULL, at date NOT NULL, value numeric, PRIMARY KEY (id, at))
    PARTITION BY RANGE (at);
CREATE TABLE readings_2025 PARTITION OF readings FOR VALUES FROM ('2025-01-01') TO ('2026-01-01');
CREATE TABLE readings_2026 PARTITION OF readings FOR VALUES FROM ('2026-01-01') TO ('2027-01-01');
CREATE TABLE reading_flags (reading_id int, reading_at date, FOREIGN KEY (reading_id, reading_at) REFERENCES readings);

CREATE TABLE metrics (id int NOT NULL, name text NOT NULL) PARTITION BY LIST (name);
CREATE TABLE metrics_cpu PARTITION OF metrics FOR VALUES IN ('cpu');
