CREATE TABLE events (id integer PRIMARY KEY, name text);
