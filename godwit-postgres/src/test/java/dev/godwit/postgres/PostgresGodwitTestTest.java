package dev.godwit.postgres;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.godwit.Godwit;
import dev.godwit.migrate.MigrationState;
import dev.godwit.testkit.Database;
import dev.godwit.testkit.DatabaseUrl;
import dev.godwit.testkit.GodwitTest;
import dev.godwit.testkit.TestDatabase;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

/**
 * {@link GodwitTest} used as a project would use it, on PostgreSQL: each test gets its own migrated database (the
 * tests are skipped when there is no PostgreSQL).
 */
@GodwitTest(migrations = "src/test/resources/godwit-test/migrations", database = Database.POSTGRES)
class PostgresGodwitTestTest {

    @Test
    void testSeesOnlyItsOwnRowsFirst(Connection connection) throws Exception {
        insertAndExpectOne(connection);
    }

    @Test
    void testSeesOnlyItsOwnRowsSecond(Connection connection) throws Exception {
        insertAndExpectOne(connection);
    }

    private static void insertAndExpectOne(Connection connection) throws Exception {
        try (Statement s = connection.createStatement()) {
            s.execute("INSERT INTO users (id, email) VALUES (1, 'ada@example.com')");
            s.execute("INSERT INTO orders (id, user_id) VALUES (10, 1)");
            try (ResultSet rs = s.executeQuery("SELECT count(*) FROM orders")) {
                rs.next();
                assertEquals(1, rs.getInt(1), "another test's order leaked into this database");
            }
        }
    }

    @Test
    void injectsTheDatabaseItsUrlAndAGodwitAtTheNewestMigration(TestDatabase db, @DatabaseUrl String url,
                                                                Godwit godwit) throws Exception {
        assertEquals("postgres", db.dialect());
        assertEquals(db.url(), url);
        assertTrue(db.hasTable("orders"));
        assertTrue(db.column("SELECT indexname FROM pg_indexes WHERE tablename = 'orders'").contains("orders_user"));
        assertTrue(godwit.status().migrations().stream().allMatch(m -> m.state() == MigrationState.APPLIED),
                godwit.status().toString());
    }
}
