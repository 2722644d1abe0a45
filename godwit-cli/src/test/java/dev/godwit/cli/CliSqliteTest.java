package dev.godwit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.godwit.migrate.TableMigrationSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CliSqliteTest {

    @TempDir
    Path dir;

    private void write(String name, String text) throws Exception {
        Files.createDirectories(dir.resolve("migrations"));
        Files.writeString(dir.resolve("migrations").resolve(name), text);
    }

    private List<String> tables(Path db) throws Exception {
        List<String> names = new ArrayList<>();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db);
             ResultSet rs = c.createStatement().executeQuery(
                     "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")) {
            while (rs.next()) {
                names.add(rs.getString(1));
            }
        }
        return names;
    }

    @Test
    void migrateWithNoConfigurationUsesSqliteFileInWorkingDirectory() throws Exception {
        write("20261101000000_create_users.sql", "CREATE TABLE users (id INTEGER PRIMARY KEY);");
        Cli.Result r = new Cli(dir).run("migrate");
        assertEquals(0, r.exitCode(), r::toString);
        assertTrue(r.out().contains("Applied 20261101000000_create_users"), r::toString);
        assertEquals(List.of("godwit_history", "users"), tables(dir.resolve("godwit.db")));
        Cli.Result again = new Cli(dir).run("migrate");
        assertEquals(0, again.exitCode());
        assertTrue(again.out().contains("Nothing to migrate"), again::toString);
    }

    /** A service keeps its migrations in a table; the command line applies them with or without a directory. */
    @Test
    void migrationsStoredInATableAreAppliedWithOrWithoutADirectory() throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("app.db"))) {
            TableMigrationSource table = new TableMigrationSource();
            table.add(c, "20261101000000_notes", "CREATE TABLE notes (id INTEGER);", "DROP TABLE notes;");
        }
        Cli cli = new Cli(dir);
        Cli.Result alone = cli.run("--url", "jdbc:sqlite:app.db", "--migrations-table", "godwit_migrations", "migrate");
        assertEquals(0, alone.exitCode(), alone::toString);
        assertTrue(alone.out().contains("Applied 20261101000000_notes"), alone::toString);
        assertFalse(Files.exists(dir.resolve("migrations")), "no directory was needed or made");

        write("20261102000000_tags.sql", "-- godwit:depends 20261101000000\nCREATE TABLE tags (note INTEGER);");
        Cli.Result dirOnly = cli.run("--url", "jdbc:sqlite:app.db", "status");
        assertEquals(1, dirOnly.exitCode(), "without the setting only the directory is read: " + dirOnly);
        assertTrue((dirOnly.out() + dirOnly.err())
                .contains("depends on '20261101000000', which is not among the migrations"), dirOnly::toString);
        Map<String, String> env = Map.of("GODWIT_MIGRATIONS_TABLE", "godwit_migrations");
        Cli.Result applied = new Cli(dir, env).run("--url", "jdbc:sqlite:app.db", "migrate");
        assertEquals(0, applied.exitCode(), applied::toString);
        assertTrue(applied.out().contains("Applied 20261102000000_tags"), applied::toString);
        assertEquals(List.of("godwit_history", "godwit_migrations", "notes", "tags"), tables(dir.resolve("app.db")));
    }

    @Test
    void initNewMigrateRollbackRoundTrip() throws Exception {
        Cli cli = new Cli(dir);
        assertEquals(0, cli.run("init").exitCode());
        assertTrue(Files.isRegularFile(dir.resolve("godwit.toml")));
        assertTrue(Files.isDirectory(dir.resolve("migrations")));
        Cli.Result created = cli.run("new", "Create", "accounts!");
        assertEquals(0, created.exitCode(), created::toString);
        Path file;
        try (Stream<Path> files = Files.list(dir.resolve("migrations"))) {
            file = files.findFirst().orElseThrow();
        }
        assertTrue(file.getFileName().toString().matches("\\d{14}_create_accounts\\.sql"), file.toString());
        String template = Files.readString(file);
        assertTrue(template.contains("-- godwit:up") && template.contains("-- godwit:down"), template);
        Files.writeString(file, template.replace("-- godwit:up\n", "-- godwit:up\nCREATE TABLE accounts (id INT);\n")
                .replace("-- godwit:down\n", "-- godwit:down\nDROP TABLE accounts;\n"));
        assertEquals(0, cli.run("migrate").exitCode());
        assertTrue(tables(dir.resolve("godwit.db")).contains("accounts"));
        Cli.Result rollback = cli.run("rollback");
        assertEquals(0, rollback.exitCode(), rollback::toString);
        assertFalse(tables(dir.resolve("godwit.db")).contains("accounts"));
        assertEquals(2, cli.run("status", "--exit-code").exitCode());
    }

    @Test
    void jsonOutputIsOneDocument() throws Exception {
        write("20261101000000_a.sql", "CREATE TABLE a (id INT);");
        write("20261101000001_b.sql", "CREATE TABLE b (id INT);");
        Cli cli = new Cli(dir);
        Cli.Result migrated = cli.run("--format", "json", "migrate", "--target", "20261101000000_a");
        assertEquals(0, migrated.exitCode(), migrated::toString);
        JsonNode result = new ObjectMapper().readTree(migrated.out());
        assertEquals("20261101000000_a", result.get("applied").get(0).get("id").asText());
        assertEquals(1, result.get("applied").size());
        JsonNode status = new ObjectMapper().readTree(cli.run("status", "--format", "json").out());
        assertEquals("APPLIED", status.get("migrations").get(0).get("state").asText());
        assertEquals("PENDING", status.get("migrations").get(1).get("state").asText());
        JsonNode valid = new ObjectMapper().readTree(cli.run("validate", "--format", "json").out());
        assertTrue(valid.get("valid").asBoolean(), valid::toString);
    }

    @Test
    void dryRunPrintsSqlAndChangesNothing() throws Exception {
        write("20261101000000_a.sql", "-- godwit:up\nCREATE TABLE a (id INT);\n-- godwit:down\nDROP TABLE a;\n");
        Cli.Result r = new Cli(dir).run("migrate", "--dry-run");
        assertEquals(0, r.exitCode(), r::toString);
        assertTrue(r.out().contains("CREATE TABLE a (id INT);"), r::toString);
        assertFalse(r.out().contains("DROP TABLE"), r::toString);
        assertEquals(List.of(), tables(dir.resolve("godwit.db")));
    }

    @Test
    void changedAppliedFileFailsValidateAndMigrateNamingBothChecksums() throws Exception {
        write("20261101000000_a.sql", "CREATE TABLE a (id INT);");
        Cli cli = new Cli(dir);
        assertEquals(0, cli.run("migrate").exitCode());
        write("20261101000000_a.sql", "CREATE TABLE a (id BIGINT);");
        Cli.Result validate = cli.run("validate");
        assertEquals(1, validate.exitCode(), validate::toString);
        assertTrue(validate.err().contains("migrations/20261101000000_a.sql was changed"), validate::toString);
        assertTrue(validate.err().matches("(?s).*applied checksum [0-9a-f]{64}, file checksum [0-9a-f]{64}.*"),
                validate::toString);
        Cli.Result migrate = cli.run("migrate");
        assertEquals(1, migrate.exitCode(), migrate::toString);
        assertTrue(migrate.err().contains("Nothing was applied"), migrate::toString);
        assertEquals(0, cli.run("repair").exitCode());
        assertEquals(0, cli.run("validate").exitCode());
    }

    @Test
    void whitespaceOnlyChangeIsReportedAsSuch() throws Exception {
        write("20261101000000_a.sql", "CREATE TABLE a (id INT);");
        Cli cli = new Cli(dir);
        assertEquals(0, cli.run("migrate").exitCode());
        write("20261101000000_a.sql", "-- the accounts\nCREATE   TABLE a\n  (id INT);");
        Cli.Result validate = cli.run("validate");
        assertEquals(1, validate.exitCode(), validate::toString);
        assertTrue(validate.err().contains("changed only in whitespace or comments"), validate::toString);
    }

    @Test
    void failingMigrationNamesStatementFileAndLineWithoutStackTrace() throws Exception {
        write("20261101000000_a.sql", "-- godwit:up\nCREATE TABLE a (id INT);\n\nCREATE TABLE a (id INT);\n");
        Cli.Result r = new Cli(dir).run("migrate");
        assertEquals(1, r.exitCode(), r::toString);
        assertTrue(r.err().contains("Migration 20261101000000_a failed at statement 2 "
                + "(migrations/20261101000000_a.sql:4): table a already exists"), r::toString);
        assertTrue(r.err().contains("Nothing from this migration was applied."), r::toString);
        assertFalse(r.err().contains("\tat "), "no stack trace without -v: " + r);
        assertFalse(tables(dir.resolve("godwit.db")).contains("a"), "statement 1 was rolled back");
        Cli.Result verbose = new Cli(dir).run("-v", "migrate");
        assertTrue(verbose.err().contains("\tat "), "stack trace with -v: " + verbose);
    }

    @Test
    void malformedHeaderNamesFileLineAndFix() throws Exception {
        write("20261101000000_a.sql", "-- godwit:up\nSELECT 1;\n-- godwit:dwon\n");
        Cli.Result r = new Cli(dir).run("migrate");
        assertEquals(1, r.exitCode(), r::toString);
        assertTrue(r.err().contains("migrations/20261101000000_a.sql:3: unknown marker '-- godwit:dwon'"),
                r::toString);
        assertTrue(r.err().contains("Fix: use one of: up, down"), r::toString);
        assertFalse(Files.exists(dir.resolve("godwit.db")), "nothing connects before the files parse");
    }

    @Test
    void missingDirectoryIsOneSentence() {
        Cli.Result r = new Cli(dir).run("migrate", "--dir", "nowhere");
        assertEquals(1, r.exitCode(), r::toString);
        assertTrue(r.err().startsWith("error: The migration directory nowhere does not exist."), r::toString);
        assertEquals(1, r.err().lines().count(), r::toString);
    }

    @Test
    void usageErrorsExit64() {
        assertEquals(64, new Cli(dir).run("migrate", "--no-such-flag").exitCode());
        assertEquals(64, new Cli(dir).run("rollback", "--steps", "0").exitCode());
        assertEquals(64, new Cli(dir).run().exitCode());
    }

    @Test
    void everyCommandAnswersHelpWithItsOwnUsage() {
        for (String command : List.of("migrate", "diff", "generate", "check", "rollback", "inspect")) {
            Cli.Result r = new Cli(dir).run(command, "--help");
            assertEquals(0, r.exitCode(), r::toString);
            assertTrue(r.out().startsWith("Usage: godwit " + command), r::toString);
        }
        assertFalse(Files.exists(dir.resolve("godwit.db")), "help touches no database");
    }

    @Test
    void versionPrintsTheVersion() {
        Cli.Result r = new Cli(dir).run("--version");
        assertEquals(0, r.exitCode());
        assertTrue(r.out().startsWith("godwit "), r::toString);
    }

    @Test
    void flagsBeatEnvironmentBeatDotenvBeatToml() throws Exception {
        write("20261101000000_a.sql", "CREATE TABLE a (id INT);");
        Files.writeString(dir.resolve("godwit.toml"), "table = \"from_toml\"\nlock_timeout = \"10s\"\n");
        new Cli(dir).run("migrate");
        assertTrue(tables(dir.resolve("godwit.db")).contains("from_toml"));

        Files.writeString(dir.resolve(".env"), "GODWIT_TABLE=from_dotenv\nGODWIT_URL=jdbc:sqlite:second.db\n");
        new Cli(dir).run("migrate");
        assertTrue(tables(dir.resolve("second.db")).contains("from_dotenv"));

        new Cli(dir, Map.of("GODWIT_TABLE", "from_env")).run("migrate");
        assertTrue(tables(dir.resolve("second.db")).contains("from_env"));

        new Cli(dir, Map.of("GODWIT_TABLE", "from_env")).run("--table", "from_flag", "migrate");
        assertTrue(tables(dir.resolve("second.db")).contains("from_flag"));
    }

    @Test
    void unknownTomlKeyIsNamed() throws Exception {
        Files.writeString(dir.resolve("godwit.toml"), "urll = \"jdbc:sqlite:x.db\"\n");
        Cli.Result r = new Cli(dir).run("status");
        assertEquals(64, r.exitCode(), r::toString);
        assertTrue(r.err().contains("unknown key 'urll'"), r::toString);
    }

    @Test
    void writeLockHeldElsewhereTimesOutWithExitCode4() throws Exception {
        write("20261101000000_a.sql", "CREATE TABLE a (id INT);");
        try (Connection holder = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("godwit.db"))) {
            holder.createStatement().execute("CREATE TABLE other (id INT)");
            holder.createStatement().execute("BEGIN IMMEDIATE");
            Cli.Result r = new Cli(dir).run("--lock-timeout", "1s", "migrate");
            assertEquals(4, r.exitCode(), r::toString);
            assertTrue(r.err().contains("past the lock timeout"), r::toString);
            holder.createStatement().execute("ROLLBACK");
        }
        assertEquals(0, new Cli(dir).run("migrate").exitCode());
    }

    @Test
    void migrateWritesTheSnapshotAndInspectPrintsTheSchema() throws Exception {
        write("20261101000000_a.sql", "CREATE TABLE a (id INTEGER PRIMARY KEY, b_id INTEGER REFERENCES b (id));\n"
                + "CREATE TABLE b (id INTEGER PRIMARY KEY);");
        assertEquals(0, new Cli(dir).run("migrate").exitCode());
        Path snapshot = dir.resolve("migrations/.godwit/snapshot.json");
        String json = Files.readString(snapshot);
        assertTrue(json.startsWith("{\n  \"format\": \"godwit-snapshot\",\n  \"version\": 1,\n  \"dialect\": "
                + "\"sqlite\",\n  \"revision\": \"20261101000000_a\""), json);
        assertFalse(json.contains("godwit_history"), "the history table is not part of the schema");
        Cli.Result sql = new Cli(dir).run("inspect");
        assertTrue(sql.out().contains("CREATE TABLE a ("), sql::toString);
        Cli.Result mermaid = new Cli(dir).run("inspect", "--format", "mermaid");
        assertTrue(mermaid.out().contains("b |o--o{ a"), mermaid::toString);
    }
}
