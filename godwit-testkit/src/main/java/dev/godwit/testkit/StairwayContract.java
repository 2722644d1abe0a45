package dev.godwit.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.godwit.Godwit;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the {@link Stairway} check finds, on a real database of a dialect: a dialect module's test extends this class
 * and says how to make a fresh database. The migrations are written in SQL that SQLite, PostgreSQL and MariaDB all
 * read.
 */
public abstract class StairwayContract {

    private static final String USERS = """
            -- godwit:up
            CREATE TABLE users (id INTEGER PRIMARY KEY, name VARCHAR(100) NOT NULL);
            -- godwit:down
            DROP TABLE users;
            """;
    private static final String POSTS = """
            -- godwit:up
            CREATE TABLE posts (id INTEGER PRIMARY KEY, user_id INTEGER NOT NULL REFERENCES users (id),
                                title VARCHAR(200));
            CREATE INDEX posts_user ON posts (user_id);
            -- godwit:down
            DROP TABLE posts;
            """;

    @TempDir
    protected Path migrations;
    protected TestDatabase db;

    /** A fresh, empty database, closed after the test. */
    protected abstract TestDatabase newDatabase();

    /** The kind of database {@link #newDatabase()} makes. */
    protected abstract Database kind();

    @BeforeEach
    void open() {
        db = newDatabase();
    }

    @AfterEach
    void close() {
        db.close();
    }

    protected void write(String name, String text) throws Exception {
        Files.writeString(migrations.resolve(name), text);
    }

    @Test
    void reversibleMigrationsPassAndEndAtTheNewestMigration() throws Exception {
        write("20261101000000_users.sql", USERS);
        write("20261101000001_posts.sql", POSTS);
        write("20261101000002_users_name.sql", """
                -- godwit:up
                CREATE INDEX users_name ON users (name);
                -- godwit:down
                DROP INDEX users_name%s;
                """.formatted(db.dialect().equals("mysql") ? " ON users" : ""));

        StairwayResult result = Stairway.check(migrations, db);

        assertEquals(List.of("20261101000000_users", "20261101000001_posts",
                "20261101000002_users_name"), result.checked());
        assertTrue(db.hasTable("posts"), "the check leaves the database at the newest migration");
    }

    @Test
    void checksOnAFreshDatabaseOfAKindItMakesAndDrops() throws Exception {
        write("20261101000000_users.sql", USERS);
        write("20261101000001_posts.sql", POSTS);

        assertEquals(2, Stairway.check(migrations, kind()).checked().size());
        assertTrue(!db.hasTable("users"), "the check used a database of its own");
    }

    @Test
    void downThatForgetsAnIndexFailsNamingThatMigrationAndTheIndex() throws Exception {
        write("20261101000000_users.sql", USERS);
        write("20261101000001_tags.sql", """
                -- godwit:up
                CREATE TABLE tags (id INTEGER PRIMARY KEY, label VARCHAR(50));
                CREATE INDEX users_name ON users (name);
                -- godwit:down
                DROP TABLE tags;
                """);
        write("20261101000002_posts.sql", POSTS);

        StairwayFailure failure = assertThrows(StairwayFailure.class, () -> Stairway.check(migrations, db));

        assertEquals("20261101000001_tags", failure.migration());
        assertTrue(failure.getMessage().contains("20261101000001_tags.sql"), failure.getMessage());
        assertTrue(failure.getMessage().contains("did not restore the schema"), failure.getMessage());
        assertTrue(failure.differences().stream().anyMatch(d -> d.contains("users") && d.contains("indexes")),
                failure.differences().toString());
        assertTrue(!db.hasTable("posts"), "the check stops at the first broken migration");
    }

    @Test
    void migrationWithoutDownFailsByDefaultNamingIt() throws Exception {
        write("20261101000000_users.sql", USERS);
        write("20261101000001_audit.sql", "CREATE TABLE audit (id INTEGER PRIMARY KEY);\n");

        StairwayFailure failure = assertThrows(StairwayFailure.class, () -> Stairway.check(migrations, db));

        assertEquals("20261101000001_audit", failure.migration());
        assertTrue(failure.getMessage().contains("no down section"), failure.getMessage());
        assertTrue(failure.getMessage().contains("20261101000001_audit.sql"), failure.getMessage());
    }

    @Test
    void migrationWithoutDownIsSkippedWhenAsked() throws Exception {
        write("20261101000000_users.sql", USERS);
        write("20261101000001_audit.sql", "CREATE TABLE audit (id INTEGER PRIMARY KEY);\n");
        write("20261101000002_posts.sql", POSTS);

        StairwayResult result = Stairway.check(migrations, db, Stairway.MissingDown.SKIP);

        assertEquals(List.of("20261101000000_users", "20261101000002_posts"), result.checked());
        assertEquals(List.of("20261101000001_audit"), result.skipped());
    }

    @Test
    void refusesADatabaseWithMigrationsAlreadyApplied() throws Exception {
        write("20261101000000_users.sql", USERS);
        Godwit.configure().url(db.url()).locations(migrations.toString()).noSnapshot().load().migrate();

        IllegalStateException e = assertThrows(IllegalStateException.class, () -> Stairway.check(migrations, db));

        assertTrue(e.getMessage().contains("20261101000000_users is APPLIED"), e.getMessage());
    }

    @Test
    void downThatFailsIsReportedWithTheDatabaseError() throws Exception {
        write("20261101000000_users.sql", USERS);
        write("20261101000001_posts.sql", """
                -- godwit:up
                CREATE TABLE posts (id INTEGER PRIMARY KEY);
                -- godwit:down
                DROP TABLE no_such_table;
                """);

        StairwayFailure failure = assertThrows(StairwayFailure.class, () -> Stairway.check(migrations, db));

        assertEquals("20261101000001_posts", failure.migration());
        assertTrue(failure.getMessage().contains("down section failed"), failure.getMessage());
    }
}
