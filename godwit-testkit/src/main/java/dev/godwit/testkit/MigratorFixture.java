package dev.godwit.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.godwit.Godwit;
import dev.godwit.GodwitConfig;
import dev.godwit.migrate.MigrateResult;
import dev.godwit.migrate.MigrationRun;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;


/**
 * The fixture the migrator contracts share: a fresh database of the dialect under test per test, a temporary base
 * directory with {@code migrations/}, the configuration every test starts from, and small assertions.
 */
public abstract class MigratorFixture {

    /** Recorded as {@code applied_by} where the database has no user name. */
    protected static final String LOCAL_USER = "contract-runner";

    @TempDir
    protected Path base;
    protected TestDatabase db;

    /** A fresh, empty database, closed after the test. */
    protected abstract TestDatabase newDatabase();

    /** The SQLState the database reports for "table already exists", when its driver gives one. */
    protected Optional<String> duplicateTableSqlState() {
        return Optional.empty();
    }

    /** What the history's {@code applied_by} holds: the database user, or {@link #LOCAL_USER} without one. */
    protected String expectedAppliedBy() throws SQLException {
        return LOCAL_USER;
    }

    @BeforeEach
    void open() throws Exception {
        db = newDatabase();
        Files.createDirectories(base.resolve("migrations"));
    }

    @AfterEach
    void close() {
        db.close();
    }

    protected void write(String name, String text) throws Exception {
        Files.writeString(base.resolve("migrations").resolve(name), text);
    }

    /** The configuration every test starts from: this database, {@code migrations/} under the temporary base. */
    protected GodwitConfig.Builder configure() {
        return Godwit.configure().url(db.url()).locations("migrations").baseDirectory(base).localUser(LOCAL_USER);
    }

    protected Godwit godwit() {
        return configure().load();
    }

    protected List<String> historyIds() throws SQLException {
        return db.column("SELECT id FROM godwit_history ORDER BY seq");
    }

    protected static List<String> ids(List<MigrationRun> runs) {
        return runs.stream().map(r -> r.id().value()).toList();
    }

    /** A boolean column as a condition: SQLite stores booleans as 0 and 1, PostgreSQL as booleans. */
    protected static String isTrue(String column) {
        return "CASE WHEN " + column + " THEN 1 ELSE 0 END = 1";
    }

    protected static void assertContains(String text, String... parts) {
        for (String part : parts) {
            assertTrue(text.contains(part), () -> "expected <" + part + "> in: " + text);
        }
    }

    /**
     * Starts {@code threads} migrators at the same moment, each its own {@link Godwit} from {@code make}, and checks
     * that together they applied {@code expected} migrations, each exactly once.
     */
    protected static void migrateAtOnce(int threads, Callable<Godwit> make, int expected) throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<MigrateResult>> results = new ArrayList<>();
        try {
            for (int i = 0; i < threads; i++) {
                results.add(pool.submit(() -> {
                    Godwit own = make.call();
                    start.await();
                    return own.migrate();
                }));
            }
            start.countDown();
            List<String> applied = new ArrayList<>();
            for (Future<MigrateResult> result : results) {
                applied.addAll(ids(result.get(120, TimeUnit.SECONDS).applied()));
            }
            assertEquals(expected, applied.size(), "each migration applied by exactly one thread: " + applied);
            assertEquals(expected, applied.stream().distinct().count(), applied::toString);
        } finally {
            pool.shutdownNow();
        }
    }
}
