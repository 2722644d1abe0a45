-- Posts belong to users.
-- godwit:up
CREATE TABLE posts (
    id      INTEGER PRIMARY KEY,
    user_id INTEGER NOT NULL REFERENCES users (id),
    title   TEXT    NOT NULL,
    body    TEXT
);
CREATE INDEX posts_user_id ON posts (user_id);

-- Keep a count per user; the trigger body's semicolons stay inside the CREATE TRIGGER.
ALTER TABLE users ADD COLUMN post_count INTEGER NOT NULL DEFAULT 0;
CREATE TRIGGER posts_count AFTER INSERT ON posts
BEGIN
    UPDATE users SET post_count = post_count + 1 WHERE id = NEW.user_id;
END;

-- godwit:down
DROP TRIGGER posts_count;
DROP TABLE posts;
ALTER TABLE users DROP COLUMN post_count;
