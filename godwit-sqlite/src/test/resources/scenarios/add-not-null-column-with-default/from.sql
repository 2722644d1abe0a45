CREATE TABLE users (id integer PRIMARY KEY, name text);
CREATE INDEX users_name ON users (name);
