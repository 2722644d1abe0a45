CREATE TABLE parents (id integer PRIMARY KEY, name text);
CREATE TABLE children (id integer PRIMARY KEY, parent_id integer REFERENCES parents (id) ON DELETE CASCADE);
CREATE TABLE pets (id integer PRIMARY KEY, owner integer REFERENCES parents (id));
