package dev.godwit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.godwit.testkit.PostgresTestDatabase;
import dev.godwit.testkit.SqliteTestDatabase;
import dev.godwit.testkit.TestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Many deploys at once: separate {@code godwit migrate} processes started together against one database. Each
 * migration inserts a row into a table without a unique key, so a migration applied twice leaves two rows.
 */
class ConcurrentProcessesTest {

    private static final int PROCESSES = 16;
    private static final int MIGRATIONS = 10;

    @TempDir
    Path dir;

    @Test
    void sixteenProcessesApplyEachPostgresMigrationExactlyOnce() throws Exception {
        try (PostgresTestDatabase db = PostgresTestDatabase.create()) {
            race(db);
        }
    }

    @Test
    void sixteenProcessesApplyEachSqliteMigrationExactlyOnce() throws Exception {
        try (SqliteTestDatabase db = SqliteTestDatabase.create()) {
            race(db);
        }
    }

    private void race(TestDatabase db) throws Exception {
        Path migrations = Files.createDirectories(dir.resolve("migrations"));
        Files.writeString(migrations.resolve("20261101000000_applied.sql"), "CREATE TABLE applied (id varchar(50));");
        for (int i = 1; i <= MIGRATIONS; i++) {
            Files.writeString(migrations.resolve(String.format("20261101%06d_m%d.sql", i, i)),
                    "CREATE TABLE t" + i + " (id int);\nINSERT INTO applied VALUES ('m" + i + "');");
        }
        List<Process> processes = new ArrayList<>();
        for (int i = 0; i < PROCESSES; i++) {
            processes.add(ChildProcess.start(dir, dir.resolve("out-" + i + ".log"), "--url", db.url(), "migrate"));
        }
        for (int i = 0; i < PROCESSES; i++) {
            Process p = processes.get(i);
            assertTrue(p.waitFor(120, TimeUnit.SECONDS), "process " + i + " finished");
            assertEquals(0, p.exitValue(), () -> "process output: " + read(dir.resolve("out-" + processes.indexOf(p)
                    + ".log")));
        }
        assertEquals(List.of(String.valueOf(MIGRATIONS)), db.column("SELECT count(*) FROM applied"));
        assertEquals(List.of(String.valueOf(MIGRATIONS)), db.column("SELECT count(DISTINCT id) FROM applied"));
        assertEquals(List.of(String.valueOf(MIGRATIONS + 1)), db.column("SELECT count(*) FROM godwit_history"));
    }

    private static String read(Path log) {
        try {
            return Files.readString(log);
        } catch (java.io.IOException e) {
            return e.toString();
        }
    }
}
