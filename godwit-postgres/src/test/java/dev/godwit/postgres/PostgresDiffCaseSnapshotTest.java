package dev.godwit.postgres;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.godwit.dialect.InspectOptions;
import dev.godwit.dialect.SqlStatement;
import dev.godwit.model.Catalog;
import dev.godwit.snapshot.Snapshot;
import dev.godwit.snapshot.SnapshotReader;
import dev.godwit.snapshot.SnapshotWriter;
import dev.godwit.testkit.Corpus;
import dev.godwit.testkit.PostgresTestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every schema of the public PostgreSQL diff cases (each from.sql and to.sql) survives reflect -> snapshot -> read
 * unchanged. One database serves all cases, emptied between them; a file that does not load here (a role or an
 * extension this server lacks) is skipped with the database's reason.
 */
class PostgresDiffCaseSnapshotTest {

    private static PostgresTestDatabase db;

    @TestFactory
    Stream<DynamicTest> everyDiffCaseSchemaRoundTripsThroughTheSnapshot() {
        return Corpus.diffCaseFiles("postgres").stream().map(file -> DynamicTest.dynamicTest(Corpus.label(file),
                () -> roundTrip(file)));
    }

    private static void roundTrip(Path file) throws Exception {
        if (db == null) {
            db = PostgresTestDatabase.create();
        }
        try (Connection c = db.connect()) {
            empty(c);
            try (Statement s = c.createStatement()) {
                for (SqlStatement statement : new PostgresStatementSplitter().split(Files.readString(file))) {
                    execute(s, statement.sql());
                }
            } catch (SQLException e) {
                Assumptions.abort(Corpus.label(file) + " does not load here: " + e.getMessage());
            }
            Catalog catalog = new PostgresInspector().inspect(c, InspectOptions.defaults());
            String json = SnapshotWriter.toJson(new Snapshot(catalog, Optional.empty()));
            assertEquals(catalog, SnapshotReader.fromJson(json, file.toString()).catalog());
        }
    }

    /**
     * Runs one statement of a case as its author's database would have: the roles it names exist (apgdiff's dumps
     * say OWNER TO fordfrog), and {@code CREATE [PROCEDURAL] LANGUAGE plpgsql} from an old dump is a no-op where it
     * is built in. Anything else that fails skips the case.
     */
    private static void execute(Statement s, String sql) throws SQLException {
        for (int attempt = 0; ; attempt++) {
            try {
                s.execute(sql);
                return;
            } catch (SQLException e) {
                java.util.regex.Matcher role = java.util.regex.Pattern.compile("role \"([^\"]+)\" does not exist")
                        .matcher(String.valueOf(e.getMessage()));
                if (role.find() && attempt < 5) {
                    s.execute("DO $$ BEGIN CREATE ROLE " + role.group(1) + "; EXCEPTION WHEN duplicate_object THEN "
                            + "NULL; END $$");
                } else if ("42710".equals(e.getSQLState()) && sql.strip().matches(
                        "(?is)CREATE\\s+(EXTENSION|(OR\\s+REPLACE\\s+)?(TRUSTED\\s+)?(PROCEDURAL\\s+)?LANGUAGE).*")) {
                    return;
                } else {
                    throw e;
                }
            }
        }
    }

    /** Drops every user schema (and with it whatever a case created) and gives back an empty public. */
    private static void empty(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("DO $$ DECLARE s text; BEGIN FOR s IN SELECT nspname FROM pg_namespace WHERE nspname "
                    + "NOT LIKE 'pg\\_%' AND nspname <> 'information_schema' LOOP EXECUTE format('DROP SCHEMA %I "
                    + "CASCADE', s); END LOOP; END $$");
            s.execute("CREATE SCHEMA public");
            s.execute("SET search_path TO public");
        }
    }

    @AfterAll
    static void drop() {
        if (db != null) {
            db.close();
        }
    }
}
