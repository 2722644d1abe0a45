CREATE TYPE mood AS ENUM ('sad', 'ok', 'happy', 'ecstatic');
CREATE TABLE person (id int PRIMARY KEY, current mood DEFAULT 'ok');
