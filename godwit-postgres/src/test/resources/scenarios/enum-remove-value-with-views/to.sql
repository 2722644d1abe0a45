CREATE TYPE mood AS ENUM ('happy', 'sad');
CREATE TABLE person (id int PRIMARY KEY, current mood DEFAULT 'sad', history mood[]);
CREATE VIEW happy_people AS SELECT id, current FROM person WHERE current = 'happy';
CREATE VIEW happy_count AS SELECT count(*) AS n FROM happy_people;
