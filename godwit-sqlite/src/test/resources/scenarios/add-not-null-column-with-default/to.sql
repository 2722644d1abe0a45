CREATE TABLE users (id integer PRIMARY KEY, name text, status text NOT NULL DEFAULT 'active');
CREATE INDEX users_name ON users (name);
