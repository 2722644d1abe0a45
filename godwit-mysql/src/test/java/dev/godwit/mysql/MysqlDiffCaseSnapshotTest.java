package dev.godwit.mysql;

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
import dev.godwit.testkit.MysqlServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every schema of the public MySQL diff cases (sqldef's mysqldef, each from.sql and to.sql) survives reflect ->
 * snapshot -> read unchanged, and reflect -> CREATE script -> load -> reflect gives an equivalent schema. A file
 * that does not load here (TiDB or MySQL-only syntax, views naming sqldef's own database) is skipped with the
 * server's reason, and a file whose text an earlier one already had is skipped as a repeat (a fifth of them: many
 * cases start from the same table). Cases run three at a time, each in a database of its own, and each still
 * reports as a test of its own. Both databases of a case have the same name, made one after the other: a MySQL
 * schema is a database, and the model names it.
 */
class MysqlDiffCaseSnapshotTest {

    /** Cases run this many at a time: each is a few hundred milliseconds of server work, little of it CPU. */
    private static final int AT_ONCE = 3;

    @TestFactory
    Stream<DynamicTest> everyDiffCaseSchemaRoundTrips() throws Exception {
        Map<String, String> firstWithText = new HashMap<>();
        Map<Path, Future<?>> outcomes = new LinkedHashMap<>();
        ExecutorService pool = Executors.newFixedThreadPool(AT_ONCE);
        try {
            for (Path file : Corpus.diffCaseFiles("mysql")) {
                String text = Files.readString(file);
                String first = firstWithText.putIfAbsent(text, Corpus.label(file));
                outcomes.put(file, pool.submit(() -> {
                    Assumptions.assumeTrue(first == null, () -> "the same schema as " + first);
                    roundTrip(file, text);
                    return null;
                }));
            }
        } finally {
            pool.shutdown();
        }
        return outcomes.entrySet().stream().map(e -> DynamicTest.dynamicTest(Corpus.label(e.getKey()), () -> {
            try {
                e.getValue().get();
            } catch (ExecutionException failure) {
                throw failure.getCause();
            }
        }));
    }

    private static void roundTrip(Path file, String text) throws Exception {
        String name = "godwit_case_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        // One connection per case, switching databases with USE: opening connections costs more than the cases.
        try (Connection c = DriverManager.getConnection(MysqlServer.get().adminUrl()); Statement s = c.createStatement()) {
            Catalog catalog;
            try {
                fresh(s, name);
                try {
                    load(s, new MysqlStatementSplitter().split(text).stream().map(SqlStatement::sql).toList());
                } catch (SQLException e) {
                    Assumptions.abort(Corpus.label(file) + " does not load here: " + e.getMessage());
                }
                catalog = new MysqlInspector().inspect(c, InspectOptions.defaults());
                String json = SnapshotWriter.toJson(new Snapshot(catalog, Optional.empty()));
                assertEquals(catalog, SnapshotReader.fromJson(json, file.toString()).catalog());
                fresh(s, name);
                load(s, CreateScript.of(catalog, new MysqlDdlWriter()));
                assertEquals(List.of(), Equivalence.differences(catalog,
                        new MysqlInspector().inspect(c, InspectOptions.defaults())));
            } finally {
                s.execute("DROP DATABASE IF EXISTS `" + name + "`");
            }
        }
    }

    /** An empty database of this name, made the connection's current one. */
    private static void fresh(Statement s, String name) throws SQLException {
        s.execute("DROP DATABASE IF EXISTS `" + name + "`");
        s.execute("CREATE DATABASE `" + name + "`");
        s.execute("USE `" + name + "`");
    }

    private static void load(Statement s, List<String> statements) throws SQLException {
        for (String statement : statements) {
            s.execute(statement);
        }
    }
}
