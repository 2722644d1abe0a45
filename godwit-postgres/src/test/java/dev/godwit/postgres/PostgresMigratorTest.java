package dev.godwit.postgres;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.godwit.Godwit;
import dev.godwit.testkit.MigratorContract;
import dev.godwit.testkit.PostgresTestDatabase;
import dev.godwit.testkit.TestDatabase;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PostgresMigratorTest extends MigratorContract {

    @Override
    protected TestDatabase newDatabase() {
        return PostgresTestDatabase.create();
    }

    @Override
    protected Optional<String> duplicateTableSqlState() {
        return Optional.of("42P07");
    }

    @Override
    protected String expectedAppliedBy() throws SQLException {
        try (Connection c = db.connect()) {
            return c.getMetaData().getUserName();
        }
    }

    @Test
    void schemaHoldsHistoryAndUnqualifiedObjects() throws Exception {
        write("20261101000000_a.sql", "CREATE TABLE a (id int);");
        Godwit.configure().url(db.url()).locations("migrations").baseDirectory(base).schema("tenant_a").load()
                .migrate();
        assertEquals(List.of("a", "godwit_history"), db.column("SELECT tablename FROM pg_tables "
                + "WHERE schemaname = 'tenant_a' ORDER BY 1"));
    }

    @Test
    void dollarQuotedFunctionsAndConcurrentIndexesMigrate() throws Exception {
        write("20261101000000_f.sql", "CREATE TABLE t (id int);\nCREATE FUNCTION touch() RETURNS trigger AS $$\n"
                + "BEGIN\n  NEW.id := NEW.id + 1;\n  RETURN NEW;\nEND;\n$$ LANGUAGE plpgsql;\n"
                + "CREATE TRIGGER t_touch BEFORE INSERT ON t FOR EACH ROW EXECUTE FUNCTION touch();\n");
        write("20261101000001_i.sql", "-- godwit:no-transaction\n-- godwit:up\nCREATE INDEX CONCURRENTLY t_id ON t (id);\n"
                + "-- godwit:down\nDROP INDEX CONCURRENTLY t_id;\n");
        godwit().migrate();
        db.execute("INSERT INTO t VALUES (1)");
        assertEquals(List.of("2"), db.column("SELECT id FROM t"));
        assertEquals(List.of("t_id"), db.column("SELECT indexname FROM pg_indexes WHERE tablename = 't'"));
    }
}
