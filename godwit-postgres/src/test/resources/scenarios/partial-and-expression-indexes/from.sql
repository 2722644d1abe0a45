CREATE TABLE users (id int PRIMARY KEY, email text NOT NULL, deleted_at timestamptz, name text);
CREATE INDEX users_name ON users (name);
