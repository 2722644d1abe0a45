CREATE TABLE authors (id integer PRIMARY KEY, name text);
CREATE TABLE books (id integer PRIMARY KEY, author_id integer, title text);
CREATE INDEX books_author ON books (author_id);
