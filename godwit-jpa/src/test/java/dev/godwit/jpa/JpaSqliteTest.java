package dev.godwit.jpa;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.godwit.dialect.InspectOptions;
import dev.godwit.diff.SchemaDiffer;
import dev.godwit.model.Catalog;
import dev.godwit.plan.CreateScript;
import dev.godwit.source.SchemaSource;
import dev.godwit.source.SchemaState;
import dev.godwit.source.SourceSettings;
import dev.godwit.model.QualifiedName;
import dev.godwit.sqlite.SqliteDialect;
import dev.godwit.testkit.SqliteTestDatabase;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The sample model on SQLite, and {@code jpa:PACKAGE} as a source spec. */
class JpaSqliteTest {

    private static final SqliteDialect DIALECT = new SqliteDialect();

    @Test
    void createdCatalogReflectsBackWithNothingForTheDifferToDo() throws Exception {
        Catalog catalog = JpaCatalogBuilderTest.read("sqlite", "dev.godwit.jpa.model");
        try (SqliteTestDatabase db = SqliteTestDatabase.create()) {
            db.execute(CreateScript.of(catalog, DIALECT.ddlWriter()).toArray(String[]::new));
            Catalog reflected;
            try (Connection c = db.connect()) {
                reflected = DIALECT.inspector().inspect(c, InspectOptions.defaults());
            }
            assertEquals(List.of(), new SchemaDiffer(DIALECT.changeWriter().hooks()).diff(reflected, catalog)
                    .changes());
        }
    }

    @Test
    void jpaSpecResolvesThroughTheProviderForTheComparisonsDialect(@TempDir Path dir) {
        SchemaSource source = SchemaSource.parse("jpa:dev.godwit.jpa.model", dir);
        assertEquals("jpa:dev.godwit.jpa.model", source.describe());
        SchemaState state = source.resolve(new SourceSettings("jdbc:sqlite:" + dir.resolve("x.db"), url -> {
            throw new AssertionError("a jpa: source opens no connection");
        }, Optional.empty(), QualifiedName.unqualified("godwit_history"), dir, "test", "test"));
        assertEquals("sqlite", state.catalog().dialect());
        assertEquals("jpa:dev.godwit.jpa.model (sqlite)", state.origin());
    }
}
