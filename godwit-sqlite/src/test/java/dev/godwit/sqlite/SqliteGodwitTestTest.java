package dev.godwit.sqlite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.godwit.Godwit;
import dev.godwit.migrate.MigrationState;
import dev.godwit.testkit.DatabaseUrl;
import dev.godwit.testkit.GodwitTest;
import dev.godwit.testkit.TestDatabase;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@link GodwitTest} used as a project would use it, on SQLite: each test gets its own migrated database. */
@GodwitTest(migrations = "src/test/resources/godwit-test/migrations")
class SqliteGodwitTestTest {

    private Connection fromBeforeEach;

    @BeforeEach
    void seed(Connection connection) throws Exception {
        fromBeforeEach = connection;
        try (Statement s = connection.createStatement()) {
            s.execute("INSERT INTO users (id, email) VALUES (1, 'ada@example.com')");
        }
    }

    @Test
    void testSeesOnlyItsOwnRowsFirst(Connection connection) throws Exception {
        insertOrderAndExpectOne(connection);
    }

    @Test
    void testSeesOnlyItsOwnRowsSecond(Connection connection) throws Exception {
        insertOrderAndExpectOne(connection);
    }

    private static void insertOrderAndExpectOne(Connection connection) throws Exception {
        try (Statement s = connection.createStatement()) {
            s.execute("INSERT INTO orders (id, user_id) VALUES (10, 1)");
            try (ResultSet rs = s.executeQuery("SELECT count(*) FROM orders")) {
                rs.next();
                assertEquals(1, rs.getInt(1), "another test's order leaked into this database");
            }
        }
    }

    @Test
    void injectsTheDatabaseItsUrlAndAGodwitAtTheNewestMigration(TestDatabase db, @DatabaseUrl String url,
                                                                Godwit godwit, Connection connection)
            throws Exception {
        assertEquals(db.url(), url);
        assertEquals(url, godwit.config().url().orElseThrow());
        assertTrue(db.hasTable("users") && db.hasTable("orders"));
        assertTrue(godwit.status().migrations().stream().allMatch(m -> m.state() == MigrationState.APPLIED),
                godwit.status().toString());
        assertEquals(0, godwit.migrate().applied().size(), "nothing is left to apply");
        assertNotSame(fromBeforeEach, connection, "each parameter gets a connection of its own");
        assertEquals(url, connection.getMetaData().getURL());
    }
}
