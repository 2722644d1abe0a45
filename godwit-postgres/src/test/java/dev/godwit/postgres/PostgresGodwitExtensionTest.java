package dev.godwit.postgres;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import dev.godwit.testkit.Database;
import dev.godwit.testkit.GodwitTest;
import dev.godwit.testkit.PostgresServer;
import dev.godwit.testkit.TestDatabase;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Events;

/**
 * How {@link GodwitTest} manages PostgreSQL databases, seen from outside: sample test classes (nested, so Surefire
 * does not run them itself) are run through the JUnit engine, then the server is asked whether their databases are
 * gone.
 */
class PostgresGodwitExtensionTest {

    private static final String SAMPLING = "dev.godwit.postgres.PostgresGodwitExtensionTest#sampling";
    private static final String SERVER_PROPERTY = "godwit.sample.server";
    static final List<String> SEEN = new CopyOnWriteArrayList<>();
    private static volatile boolean sampling;

    /** True only while {@link #run} runs a sample: Surefire, finding the samples itself, skips them. */
    static boolean sampling() {
        return sampling;
    }

    private static Events run(Class<?> sample) {
        SEEN.clear();
        sampling = true;
        try {
            return EngineTestKit.engine("junit-jupiter").selectors(selectClass(sample)).execute().testEvents();
        } finally {
            sampling = false;
        }
    }

    private static boolean exists(PostgresServer server, String name) throws Exception {
        try (Connection c = DriverManager.getConnection(server.adminUrl());
             PreparedStatement ps = c.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
            ps.setString(1, name);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    @Test
    void eachTestGetsItsOwnDatabaseDroppedAfterIt() throws Exception {
        PostgresServer server = PostgresServer.get();

        run(PerMethodSample.class).assertStatistics(s -> s.started(2).succeeded(2));

        assertEquals(2, SEEN.size());
        assertNotEquals(SEEN.get(0), SEEN.get(1));
        for (String name : SEEN) {
            assertTrue(!exists(server, name), name + " is left behind on " + server.description());
        }
    }

    @Test
    void urlDatabaseIsMadeOnTheNamedServerAndDroppedAfter() throws Exception {
        PostgresServer server = PostgresServer.get();
        System.setProperty(SERVER_PROPERTY, server.adminUrl());
        try {
            run(UrlSample.class).assertStatistics(s -> s.started(1).succeeded(1));
        } finally {
            System.clearProperty(SERVER_PROPERTY);
        }

        assertEquals(1, SEEN.size());
        assertTrue(!exists(server, SEEN.get(0)), SEEN.get(0) + " is left behind on " + server.description());
    }

    private static String name(Connection connection) throws Exception {
        try (ResultSet rs = connection.createStatement().executeQuery("SELECT current_database()")) {
            rs.next();
            return rs.getString(1);
        }
    }

    @EnabledIf(SAMPLING)
    @GodwitTest(migrations = "src/test/resources/godwit-test/migrations", database = Database.POSTGRES)
    static class PerMethodSample {
        @Test
        void first(Connection connection, TestDatabase db) throws Exception {
            assertTrue(db.hasTable("orders"));
            SEEN.add(name(connection));
        }

        @Test
        void second(Connection connection, TestDatabase db) throws Exception {
            assertTrue(db.hasTable("orders"));
            SEEN.add(name(connection));
        }
    }

    @EnabledIf(SAMPLING)
    @GodwitTest(migrations = "src/test/resources/godwit-test/migrations", database = Database.URL,
            url = "${" + SERVER_PROPERTY + "}")
    static class UrlSample {
        @Test
        void migrated(Connection connection, TestDatabase db) throws Exception {
            assertTrue(db.hasTable("users"));
            SEEN.add(name(connection));
        }
    }
}
