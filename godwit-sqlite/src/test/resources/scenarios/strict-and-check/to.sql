CREATE TABLE measurements (id integer PRIMARY KEY, value real CHECK (value >= 0), unit text NOT NULL DEFAULT 'm') STRICT;
