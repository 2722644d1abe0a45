CREATE TABLE users (id int PRIMARY KEY, email text NOT NULL, deleted_at timestamptz, name text);
CREATE UNIQUE INDEX users_live_email ON users (lower(email)) WHERE deleted_at IS NULL;
CREATE INDEX users_name ON users (name DESC NULLS LAST) INCLUDE (email);
