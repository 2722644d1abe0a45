package dev.godwit.sqlite;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.godwit.dialect.InspectOptions;
import dev.godwit.dialect.SqlStatement;
import dev.godwit.model.Catalog;
import dev.godwit.model.Equivalence;
import dev.godwit.plan.CreateScript;
import dev.godwit.snapshot.Snapshot;
import dev.godwit.snapshot.SnapshotReader;
import dev.godwit.snapshot.SnapshotWriter;
import dev.godwit.testkit.Corpus;
import dev.godwit.testkit.SqliteTestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every schema of the public SQLite diff cases survives reflect -> snapshot -> read unchanged, and reflect ->
 * CREATE script -> load -> reflect gives an equivalent schema.
 */
class SqliteDiffCaseSnapshotTest {

    @TestFactory
    Stream<DynamicTest> everyDiffCaseSchemaRoundTrips() {
        return Corpus.diffCaseFiles("sqlite").stream().map(file -> DynamicTest.dynamicTest(Corpus.label(file),
                () -> roundTrip(file)));
    }

    private static void roundTrip(Path file) throws Exception {
        try (SqliteTestDatabase db = SqliteTestDatabase.create(); SqliteTestDatabase copy = SqliteTestDatabase.create()) {
            try {
                load(db, Files.readString(file));
            } catch (SQLException e) {
                Assumptions.abort(Corpus.label(file) + " does not load here: " + e.getMessage());
            }
            Catalog catalog = read(db);
            String json = SnapshotWriter.toJson(new Snapshot(catalog, Optional.empty()));
            assertEquals(catalog, SnapshotReader.fromJson(json, file.toString()).catalog());
            load(copy, String.join(";\n", CreateScript.of(catalog, new SqliteDdlWriter())) + ";");
            assertEquals(List.of(), Equivalence.differences(catalog, read(copy)));
        }
    }

    private static Catalog read(SqliteTestDatabase db) throws SQLException {
        try (Connection c = db.connect()) {
            return new SqliteInspector().inspect(c, InspectOptions.defaults());
        }
    }

    private static void load(SqliteTestDatabase db, String script) throws SQLException {
        try (Connection c = db.connect(); Statement s = c.createStatement()) {
            for (SqlStatement statement : new SqliteStatementSplitter().split(script)) {
                s.execute(statement.sql());
            }
        }
    }
}
