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
import java.sql.Connection;
import java.sql.Statement;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every PostgreSQL schema of the corpus survives reflect -> snapshot -> read unchanged, byte for byte. */
class PostgresSnapshotTest {

    @ParameterizedTest
    @ValueSource(strings = {"pagila", "chinook-postgres"})
    void corpusSchemaRoundTripsThroughTheSnapshot(String name) throws Exception {
        String script = Files.readString(Corpus.schema(name));
        try (PostgresTestDatabase db = PostgresTestDatabase.create(); Connection c = db.connect()) {
            try (Statement s = c.createStatement()) {
                for (SqlStatement statement : new PostgresStatementSplitter().split(script)) {
                    s.execute(statement.sql());
                }
            }
            Catalog catalog = new PostgresInspector().inspect(c, InspectOptions.defaults());
            String json = SnapshotWriter.toJson(new Snapshot(catalog, Optional.of("r")));
            Snapshot read = SnapshotReader.fromJson(json, name);
            assertEquals(catalog, read.catalog());
            assertEquals(json, SnapshotWriter.toJson(read));
        }
    }
}
