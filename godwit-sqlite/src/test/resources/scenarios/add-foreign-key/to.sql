CREATE TABLE authors (id integer PRIMARY KEY, name text);
CREATE TABLE books (id integer PRIMARY KEY, author_id integer REFERENCES authors (id) ON DELETE CASCADE, title text);
CREATE INDEX books_author ON books (author_id);
