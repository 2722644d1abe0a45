CREATE TABLE boxes (id integer PRIMARY KEY, w real, h real);
