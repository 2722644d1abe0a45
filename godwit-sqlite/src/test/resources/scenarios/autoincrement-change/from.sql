CREATE TABLE tickets (id integer PRIMARY KEY, subject text);
