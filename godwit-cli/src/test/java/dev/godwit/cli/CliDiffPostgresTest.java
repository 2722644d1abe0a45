package dev.godwit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.godwit.snapshot.SnapshotReader;
import dev.godwit.testkit.PostgresServer;
import dev.godwit.testkit.PostgresTestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** diff, generate and check through {@link Main#run}, against PostgreSQL. */
class CliDiffPostgresTest {

    @TempDir
    Path dir;
    private PostgresTestDatabase db;

    @BeforeEach
    void database() throws Exception {
        db = PostgresTestDatabase.create();
        Files.createDirectories(dir.resolve("migrations"));
    }

    @AfterEach
    void drop() {
        db.close();
    }

    private void write(String name, String text) throws Exception {
        Files.writeString(dir.resolve(name), text);
    }

    private Cli.Result run(String... args) {
        return new Cli(dir).run(args);
    }

    @Test
    void diffPrintsAScriptThatTurnsFromIntoToAndExitCodeTwoWhenAsked() throws Exception {
        db.execute("CREATE TABLE users (id int PRIMARY KEY, name text)");
        try (PostgresTestDatabase to = PostgresTestDatabase.create()) {
            to.execute("CREATE TABLE users (id int PRIMARY KEY, name text, email text NOT NULL DEFAULT '')",
                    "CREATE INDEX users_email ON users (email)");
            Cli.Result r = run("diff", "--from", db.url(), "--to", to.url());
            assertEquals(0, r.exitCode(), r::toString);
            assertTrue(r.out().contains("ADD COLUMN"), r::toString);
            assertTrue(r.out().lines().filter(l -> !l.startsWith("--")).reduce((a, b) -> b).orElse("").endsWith(";"),
                    r::toString);
            db.execute(r.out());
            Cli.Result again = run("diff", "--from", db.url(), "--to", to.url(), "--exit-code");
            assertEquals(0, again.exitCode(), again::toString);
            assertTrue(again.out().startsWith("-- No changes"), again::toString);
            to.execute("CREATE TABLE posts (id int)");
            assertEquals(2, run("diff", "--from", db.url(), "--to", to.url(), "--exit-code").exitCode());
        }
    }

    @Test
    void diffFromTheConfiguredDatabaseToASqlFileUsesAScratchDatabaseAndDropsIt() throws Exception {
        db.execute("CREATE TABLE users (id int PRIMARY KEY, name text)");
        write("schema.sql", "-- godwit:rename users.name=full_name\n"
                + "CREATE TABLE users (id int PRIMARY KEY, full_name text);\n");
        Cli.Result r = run("--url", db.url(), "diff");
        assertEquals(0, r.exitCode(), r::toString);
        assertTrue(r.out().contains("RENAME COLUMN"), r::toString);
        assertFalse(r.out().contains("DROP COLUMN"), r::toString);
        assertEquals(List.of(), db.column("SELECT datname FROM pg_database WHERE datname LIKE 'godwit_scratch_%'"));

        write("broken.sql", "CREATE TABLE t (id int);\nCREATE TABLE t (id int);\n");
        Cli.Result broken = run("--url", db.url(), "diff", "--to", "broken.sql");
        assertEquals(1, broken.exitCode(), broken::toString);
        assertTrue(broken.err().contains("broken.sql:2 does not load into a scratch postgres database"),
                broken::toString);
        assertEquals(List.of(), db.column("SELECT datname FROM pg_database WHERE datname LIKE 'godwit_scratch_%'"),
                "dropped after a failure too");
    }

    @Test
    void diffJsonListsChangesWithStatementsHazardsTransactionModeAndDown() throws Exception {
        db.execute("CREATE TABLE users (id int PRIMARY KEY, legacy text)", "CREATE TABLE gone (id int)");
        try (PostgresTestDatabase to = PostgresTestDatabase.create()) {
            to.execute("CREATE TABLE users (id int PRIMARY KEY)");
            Cli.Result r = run("--format", "json", "diff", "--from", db.url(), "--to", to.url());
            assertEquals(0, r.exitCode(), r::toString);
            JsonNode doc = new ObjectMapper().readTree(r.out());
            assertEquals("postgres", doc.at("/from/dialect").asText(), r::toString);
            assertTrue(doc.at("/hazards").toString().contains("data-loss"), r::toString);
            assertTrue(doc.at("/reversible").isBoolean() && doc.at("/transactional").asBoolean(), r::toString);
            List<String> changes = doc.at("/changes").findValuesAsText("change");
            assertTrue(changes.contains("drop table public.gone"), changes::toString);
            JsonNode first = doc.at("/changes/0/statements/0");
            assertTrue(first.has("sql") && first.has("transactional") && first.get("hazards").isArray(), r::toString);
            assertTrue(doc.at("/down").size() > 0 && doc.at("/down/0").has("change"), r::toString);
        }
    }

    @Test
    void generateWritesAMigrationWhoseUpAppliesAndWhoseDownReverses() throws Exception {
        write("migrations/20261101000000_users.sql", "-- godwit:up\nCREATE TABLE users (id int PRIMARY KEY);\n"
                + "-- godwit:down\nDROP TABLE users;\n");
        assertEquals(0, run("--url", db.url(), "migrate").exitCode());
        write("schema.sql", "CREATE TABLE users (id int PRIMARY KEY, email text);\n"
                + "CREATE TABLE posts (id int PRIMARY KEY, user_id int REFERENCES users);\n");
        Cli.Result r = new Cli(dir).run("--url", db.url(), "generate", "add", "email", "and", "posts");
        assertEquals(0, r.exitCode(), r::toString);
        Path file = single("migrations", "_add_email_and_posts.sql");
        String text = Files.readString(file);
        assertTrue(text.contains("-- godwit:up\n") && text.contains("-- godwit:down\n"), text);
        String id = file.getFileName().toString().replace(".sql", "");
        assertEquals(Optional.of(id), SnapshotReader.read(dir.resolve("migrations/.godwit/snapshot.json")).revision());

        Cli.Result migrated = run("--url", db.url(), "migrate");
        assertEquals(0, migrated.exitCode(), migrated::toString);
        assertTrue(db.hasTable("posts"));
        Cli.Result check = run("--url", db.url(), "check");
        assertEquals(0, check.exitCode(), check::toString);
        assertTrue(check.out().contains("snapshot migrations/.godwit/snapshot.json"), check::toString);
        Cli.Result nothing = run("--url", db.url(), "generate", "again");
        assertEquals(0, nothing.exitCode(), nothing::toString);
        assertTrue(nothing.out().startsWith("Nothing to generate"), nothing::toString);
        assertEquals(0, countFiles("_again.sql"));

        Cli.Result back = run("--url", db.url(), "rollback");
        assertEquals(0, back.exitCode(), back::toString);
        assertFalse(db.hasTable("posts"));
        assertEquals(List.of(), db.column("SELECT column_name FROM information_schema.columns WHERE "
                + "table_name = 'users' AND column_name = 'email'"));
    }

    @Test
    void generateWorksOfflineFromTheSnapshotWithNoDatabaseReachable() throws Exception {
        write("migrations/20261101000000_users.sql", "CREATE TABLE users (id int PRIMARY KEY);\n");
        assertEquals(0, run("--url", db.url(), "migrate").exitCode());
        db.execute("ALTER TABLE users ADD COLUMN email text");
        Cli.Result desired = run("--url", db.url(), "inspect", "--format", "json");
        write("desired.json", desired.out());
        String down = "jdbc:postgresql://127.0.0.1:1/nowhere?user=postgres";
        Cli.Result r = new Cli(dir).run("--url", down, "--to", "desired.json", "generate", "add email");
        assertEquals(0, r.exitCode(), r::toString);
        Path file = single("migrations", "_add_email.sql");
        assertTrue(Files.readString(file).contains("ADD COLUMN"), Files.readString(file));
        assertTrue(r.out().contains("from snapshot migrations/.godwit/snapshot.json at 20261101000000_users"),
                r::toString);
        assertEquals(0, run("--url", down, "--to", "desired.json", "check").exitCode(),
                "the snapshot now holds the desired state");
    }

    @Test
    void generateAndCheckRefuseDataLossWithExitCodeThreeUnlessAllowed() throws Exception {
        write("migrations/20261101000000_users.sql", "CREATE TABLE users (id int PRIMARY KEY, legacy text);\n");
        assertEquals(0, run("--url", db.url(), "migrate").exitCode());
        write("schema.sql", "CREATE TABLE users (id int PRIMARY KEY);\n");
        Cli.Result check = run("--url", db.url(), "check");
        assertEquals(3, check.exitCode(), check::toString);
        assertTrue(check.out().contains("drop column public.users.legacy  [data-loss"), check::toString);
        Cli.Result refused = run("--url", db.url(), "generate", "drop legacy");
        assertEquals(3, refused.exitCode(), refused::toString);
        assertTrue(refused.err().contains("drop column public.users.legacy"), refused::toString);
        assertTrue(refused.err().contains("--allow-drop"), refused::toString);
        assertEquals(0, countFiles("_drop_legacy.sql"));

        write("godwit.toml", "allow_drop = true\n");
        assertEquals(2, run("--url", db.url(), "check").exitCode(), "allowed: merely pending");
        Cli.Result allowed = run("--url", db.url(), "generate", "drop legacy");
        assertEquals(0, allowed.exitCode(), allowed::toString);
        String text = Files.readString(single("migrations", "_drop_legacy.sql"));
        assertTrue(text.contains("-- Hazards:\n--   data loss"), text);
        assertEquals(0, run("--url", db.url(), "check").exitCode());
    }

    @Test
    void checkExitsTwoListingPendingChangesAndJsonSaysSo() throws Exception {
        write("migrations/20261101000000_users.sql", "CREATE TABLE users (id int PRIMARY KEY);\n");
        write("schema.sql", "CREATE TABLE users (id int PRIMARY KEY, email text);\n");
        Cli.Result r = run("--url", db.url(), "check");
        assertEquals(2, r.exitCode(), r::toString);
        assertTrue(r.out().contains("add column public.users.email"), r::toString);
        assertTrue(r.out().contains("replayed into a scratch postgres database"), r::toString);
        Cli.Result json = run("--url", db.url(), "--format", "json", "check");
        assertEquals(2, json.exitCode(), json::toString);
        assertEquals("pending", new ObjectMapper().readTree(json.out()).get("status").asText());
        assertFalse(db.hasTable("users"), "check never touches the configured database");
    }

    @Test
    void unsupportedChangeExitsOneWithTheUnsupportedMessage() throws Exception {
        db.execute("CREATE TABLE m (k int PRIMARY KEY) PARTITION BY LIST (k); "
                + "CREATE TABLE p1 PARTITION OF m FOR VALUES IN (1)");
        write("schema.sql", "CREATE TABLE m (k int PRIMARY KEY) PARTITION BY LIST (k);\n"
                + "CREATE TABLE p1 (k int PRIMARY KEY);\n");
        Cli.Result r = run("--url", db.url(), "diff");
        assertEquals(1, r.exitCode(), r::toString);
        assertTrue(r.err().startsWith("error: unsupported: "), r::toString);
    }

    @Test
    void aUserWhoCannotCreateDatabasesIsToldTheFixAndPasswordsStayHidden() throws Exception {
        String role = "godwit_nocreatedb_" + db.name().substring(db.name().length() - 6);
        try (PostgresTestDatabase admin = PostgresTestDatabase.create()) {
            admin.execute("CREATE ROLE " + role + " LOGIN");
            try {
                write("schema.sql", "CREATE TABLE t (a int);\n");
                String url = db.url().replace("user=postgres", "user=" + role) + "&password=hunter2";
                Cli.Result r = run("--url", url, "diff");
                assertEquals(1, r.exitCode(), r::toString);
                assertTrue(r.err().contains("ALTER ROLE <user> CREATEDB"), r::toString);
                assertFalse(r.err().contains("hunter2"), r::toString);
            } finally {
                admin.execute("DROP ROLE " + role);
            }
        }
        Cli.Result unreachable = run("diff", "--from", "jdbc:postgresql://127.0.0.1:1/x?password=hunter2",
                "--to", "jdbc:postgresql://127.0.0.1:1/y");
        assertEquals(1, unreachable.exitCode(), unreachable::toString);
        assertFalse(unreachable.err().contains("hunter2"), unreachable::toString);
        assertTrue(PostgresServer.get().description().length() > 0);
    }

    private Path single(String folder, String suffix) throws Exception {
        try (Stream<Path> files = Files.list(dir.resolve(folder))) {
            List<Path> found = files.filter(f -> f.getFileName().toString().endsWith(suffix)).toList();
            assertEquals(1, found.size(), found::toString);
            return found.get(0);
        }
    }

    private long countFiles(String suffix) throws Exception {
        try (Stream<Path> files = Files.list(dir.resolve("migrations"))) {
            return files.filter(f -> f.getFileName().toString().endsWith(suffix)).count();
        }
    }
}
