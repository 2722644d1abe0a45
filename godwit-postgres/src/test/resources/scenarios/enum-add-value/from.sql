CREATE TYPE mood AS ENUM ('sad', 'happy');
CREATE TABLE person (id int PRIMARY KEY, current mood DEFAULT 'sad');
