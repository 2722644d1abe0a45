-- Users of the quickstart app.
-- godwit:up
CREATE TABLE users (
    id         INTEGER PRIMARY KEY,
    email      TEXT    NOT NULL UNIQUE,
    created_at TEXT    NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- godwit:down
DROP TABLE users;
