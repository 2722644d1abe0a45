CREATE TABLE authors (id integer PRIMARY KEY, name text);
CREATE TABLE books (id integer PRIMARY KEY, title text,
    author_id integer CONSTRAINT books_author_fk REFERENCES authors (id) ON DELETE SET NULL,
    editor_id integer REFERENCES authors (id));
