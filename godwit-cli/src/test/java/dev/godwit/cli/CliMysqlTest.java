package dev.godwit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.godwit.testkit.MysqlTestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CliMysqlTest {

    @TempDir
    Path dir;
    private MysqlTestDatabase db;

    @BeforeEach
    void database() throws Exception {
        db = MysqlTestDatabase.create();
        Files.createDirectories(dir.resolve("migrations"));
    }

    @AfterEach
    void drop() {
        db.close();
    }

    @Test
    void migratesAndInspectsAMariadbUrl() throws Exception {
        Files.writeString(dir.resolve("migrations/20261101000000_users.sql"),
                "CREATE TABLE users (id int PRIMARY KEY, email varchar(80) NOT NULL UNIQUE);");
        Cli.Result migrate = new Cli(dir).run("--url", db.url(), "migrate");
        assertEquals(0, migrate.exitCode(), migrate::toString);
        Cli.Result inspect = new Cli(dir).run("--url", db.url(), "inspect");
        assertEquals(0, inspect.exitCode(), inspect::toString);
        assertTrue(inspect.out().contains("CREATE TABLE `users` ("), inspect::toString);
        assertTrue(inspect.out().contains("UNIQUE KEY `email` (`email`)"), inspect::toString);
        assertFalse(inspect.out().contains("godwit_history"), inspect::toString);
    }

    @Test
    void failedMigrationIsMarkedAndTheDriversOwnLoggingStaysQuiet() throws Exception {
        Files.writeString(dir.resolve("migrations/20261101000000_bad.sql"),
                "CREATE TABLE audit (id int);\nCREATE TABLE audit (id int);");
        Cli.Result r = new Cli(dir).run("--url", db.url(), "migrate");
        assertEquals(1, r.exitCode(), r::toString);
        assertTrue(r.err().contains("failed at statement 2 (migrations/20261101000000_bad.sql:2): Table 'audit' "
                + "already exists [SQLState 42S01]. It ran without a transaction"), r::toString);
        assertFalse(r.err().contains("ErrorPacket"), r::toString);
        assertEquals(List.of("0"), db.column("SELECT success FROM godwit_history"));
    }
}
