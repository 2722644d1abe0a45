package dev.godwit.postgres;

import static dev.godwit.postgres.PostgresInspectorTest.assertSameModel;
import static dev.godwit.postgres.PostgresInspectorTest.corpusSchema;
import static dev.godwit.postgres.PostgresInspectorTest.load;
import static dev.godwit.postgres.PostgresInspectorTest.resource;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.godwit.dialect.InspectOptions;
import dev.godwit.model.Catalog;
import dev.godwit.model.Schema;
import dev.godwit.testkit.PostgresTestDatabase;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Reading on two connections (CatalogReads): the same model as on one, the snapshot transaction always ended, and
 * never a second connection for a caller's open transaction. The threshold is 0 here, so small schemas take the path.
 */
class PostgresParallelInspectTest {

    @Test
    void readsABigSchemaOnTwoConnectionsAsOnOneAndEndsItsTransaction() throws Exception {
        try (PostgresTestDatabase db = PostgresTestDatabase.create()) {
            load(db, resource("inspector-features.sql"));
            load(db, Files.readString(corpusSchema("pagila")));
            InspectOptions options = new InspectOptions(List.of("public", "app"), List.of(), List.of(),
                    Optional.empty());
            Catalog serial;
            try (Connection c = db.connect()) {
                serial = new PostgresInspector().inspect(c, options);
            }
            AtomicInteger opened = new AtomicInteger();
            List<Connection> connections = new ArrayList<>();
            try (Connection c = db.connect()) {
                Catalog parallel = new PostgresInspector(0).inspect(c, options, () -> {
                    opened.incrementAndGet();
                    Connection second = db.connect();
                    connections.add(second);
                    return second;
                });
                assertEquals(1, opened.get(), "a second connection read part of the catalog");
                assertSameModel(serial, parallel);
                assertTrue(connections.stream().allMatch(second -> isClosed(second)), "the second one is closed");
                assertNoTransaction(c);
                Catalog alone = new PostgresInspector(0).inspect(c, options, () -> {
                    throw new SQLException("too many connections");
                });
                assertSameModel(serial, alone);
                assertNoTransaction(c);
            }
        }
    }

    /** The inspector's transaction is REPEATABLE READ, READ ONLY and has work_mem set locally: none of it is left. */
    private static void assertNoTransaction(Connection c) throws SQLException {
        assertTrue(c.getAutoCommit());
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                "SELECT pg_catalog.current_setting('transaction_isolation'), "
                        + "pg_catalog.current_setting('transaction_read_only'), "
                        + "pg_catalog.current_setting('work_mem') <> '64MB'")) {
            rs.next();
            assertEquals("read committed", rs.getString(1), "the read-only snapshot transaction ended");
            assertEquals("off", rs.getString(2));
            assertTrue(rs.getBoolean(3));
        }
    }

    /** A read inside the caller's transaction stays on the caller's connection, which sees its own changes. */
    @Test
    void readsInsideTheCallersTransactionOnItsConnectionOnly() throws Exception {
        try (PostgresTestDatabase db = PostgresTestDatabase.create(); Connection c = db.connect()) {
            c.setAutoCommit(false);
            try (Statement s = c.createStatement()) {
                s.execute("CREATE TABLE uncommitted (id int)");
            }
            Schema pub = new PostgresInspector(0).inspect(c, InspectOptions.defaults(), () -> {
                throw new AssertionError("a second connection would not see the uncommitted table");
            }).schema("public").orElseThrow();
            assertEquals(List.of("uncommitted"), pub.tables().stream().map(t -> t.name().name()).toList());
            c.rollback();
        }
    }

    private static boolean isClosed(Connection c) {
        try {
            return c.isClosed();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
