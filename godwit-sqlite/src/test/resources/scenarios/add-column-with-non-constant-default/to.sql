CREATE TABLE events (id integer PRIMARY KEY, name text, created_at text NOT NULL DEFAULT CURRENT_TIMESTAMP);
