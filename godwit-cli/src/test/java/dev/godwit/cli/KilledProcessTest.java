package dev.godwit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.godwit.testkit.PostgresTestDatabase;
import dev.godwit.testkit.SqliteTestDatabase;
import dev.godwit.testkit.TestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A migrator killed in the middle of a no-transaction migration leaves a visible {@code success = false} row: status
 * shows it as failed, migrate refuses, repair clears it and a new run applies the migration.
 */
class KilledProcessTest {

    @TempDir
    Path dir;

    @Test
    void postgresProcessKilledMidMigrationLeavesRepairableMark() throws Exception {
        try (PostgresTestDatabase db = PostgresTestDatabase.create()) {
            killMidway(db, "SELECT pg_sleep(60);");
        }
    }

    @Test
    void sqliteProcessKilledMidMigrationLeavesRepairableMark() throws Exception {
        try (SqliteTestDatabase db = SqliteTestDatabase.create()) {
            // A recursive count that runs for minutes stands in for a slow statement.
            killMidway(db, "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c) SELECT count(*) FROM c;");
        }
    }

    private void killMidway(TestDatabase db, String slowStatement) throws Exception {
        Path migrations = Files.createDirectories(dir.resolve("migrations"));
        Path file = migrations.resolve("20261101000000_slow.sql");
        Files.writeString(file, "-- godwit:no-transaction\n-- godwit:up\nCREATE TABLE IF NOT EXISTS started (id int);\n"
                + slowStatement + "\n");
        Process p = ChildProcess.start(dir, dir.resolve("out.log"), "--url", db.url(), "migrate");
        waitFor(db, p);
        p.destroyForcibly();
        assertTrue(p.waitFor(30, TimeUnit.SECONDS));

        Cli cli = new Cli(dir);
        Cli.Result status = cli.run("--url", db.url(), "status");
        assertTrue(status.out().startsWith("failed"), status::toString);
        assertTrue(status.out().contains("godwit repair"), status::toString);
        Cli.Result refused = cli.run("--url", db.url(), "migrate");
        assertEquals(1, refused.exitCode(), refused::toString);
        assertTrue(refused.err().contains("did not finish"), refused::toString);

        assertEquals(0, cli.run("--url", db.url(), "repair").exitCode());
        Files.writeString(file, "-- godwit:no-transaction\n-- godwit:up\nCREATE TABLE IF NOT EXISTS started (id int);\n");
        Cli.Result again = cli.run("--url", db.url(), "migrate");
        assertEquals(0, again.exitCode(), again::toString);
        assertEquals(List.of("1"), db.column("SELECT count(*) FROM godwit_history WHERE success = "
                + (db.dialect().equals("sqlite") ? "1" : "true")));
    }

    /** Until the child has written its success = false row and created the table of statement 1. */
    private static void waitFor(TestDatabase db, Process p) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            assertTrue(p.isAlive(), "the child process ended before it was killed");
            if (db.hasTable("started") && db.hasTable("godwit_history")
                    && !db.column("SELECT id FROM godwit_history").isEmpty()) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the child never reached the slow statement");
    }
}
