package dev.godwit.mysql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.godwit.testkit.Database;
import dev.godwit.testkit.DatabaseUrl;
import dev.godwit.testkit.GodwitTest;
import dev.godwit.testkit.TestDatabase;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

/** {@link GodwitTest} on MariaDB/MySQL, the tests sharing one database ({@code scope = CLASS}). */
@GodwitTest(migrations = "src/test/resources/godwit-test/migrations", database = Database.MYSQL,
        scope = GodwitTest.Scope.CLASS)
class MysqlGodwitTestTest {

    @Test
    void injectsAConnectionToAMigratedDatabaseOfItsOwn(Connection connection, TestDatabase db,
                                                       @DatabaseUrl String url) throws Exception {
        assertEquals("mysql", db.dialect());
        assertEquals(db.url(), url);
        assertTrue(db.hasTable("orders"));
        try (Statement s = connection.createStatement();
             ResultSet rs = s.executeQuery("SELECT DATABASE()")) {
            rs.next();
            assertTrue(rs.getString(1).startsWith("godwit_test_"), rs.getString(1));
        }
    }
}
