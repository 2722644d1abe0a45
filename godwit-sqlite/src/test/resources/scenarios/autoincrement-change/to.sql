CREATE TABLE tickets (id integer PRIMARY KEY AUTOINCREMENT, subject text);
