CREATE TABLE a (id serial PRIMARY KEY, n int);
CREATE TABLE b (id int NOT NULL, n int);
