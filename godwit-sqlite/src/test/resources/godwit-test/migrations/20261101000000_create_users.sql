-- godwit:up
CREATE TABLE users (id INTEGER PRIMARY KEY, email VARCHAR(200) NOT NULL UNIQUE);
-- godwit:down
DROP TABLE users;
