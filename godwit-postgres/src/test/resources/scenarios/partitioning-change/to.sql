CREATE TABLE events (id serial, at date NOT NULL, body text, PRIMARY KEY (id, at)) PARTITION BY RANGE (at);
CREATE TABLE events_2026 PARTITION OF events FOR VALUES FROM ('2026-01-01') TO ('2027-01-01');
CREATE INDEX events_at ON events (at);
CREATE VIEW recent_events AS SELECT id, at FROM events WHERE at > DATE '2026-01-01';
CREATE TABLE event_notes (event_id int, event_at date, note text, FOREIGN KEY (event_id, event_at) REFERENCES events);
COMMENT ON TABLE events IS 'what happened';

CREATE TABLE readings (id int NOT NULL, at date NOT NULL, value numeric, PRIMARY KEY (id, at));
CREATE TABLE reading_flags (reading_id int, reading_at date, FOREIGN KEY (reading_id, reading_at) REFERENCES readings);

CREATE TABLE metrics (id int NOT NULL, name text NOT NULL) PARTITION BY LIST (lower(name));
CREATE TABLE metrics_cpu PARTITION OF metrics FOR VALUES IN ('cpu');
