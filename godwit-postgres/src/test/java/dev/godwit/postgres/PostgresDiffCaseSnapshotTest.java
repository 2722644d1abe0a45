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
            PostgresCases.empty(c);
            try {
                PostgresCases.load(c, Files.readString(file));
            } catch (SQLException e) {
                Assumptions.abort(Corpus.label(file) + " does not load here: " + e.getMessage());
            }
            Catalog catalog = new PostgresInspector().inspect(c, InspectOptions.defaults());
            String json = SnapshotWriter.toJson(new Snapshot(catalog, Optional.empty()));
            assertEquals(catalog, SnapshotReader.fromJson(json, file.toString()).catalog());
        }
    }

    @AfterAll
    static void drop() {
        if (db != null) {
            db.close();
        }
    }
}
