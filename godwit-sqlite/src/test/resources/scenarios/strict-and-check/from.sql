CREATE TABLE measurements (id integer PRIMARY KEY, value real);
