CREATE TABLE users (id integer PRIMARY KEY, email text, name text);
CREATE INDEX users_email ON users (email);
CREATE INDEX users_name_email ON users (name, lower(email));
