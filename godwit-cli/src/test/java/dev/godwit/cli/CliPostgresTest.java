package dev.godwit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.godwit.testkit.PostgresTestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CliPostgresTest {

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
        Files.writeString(dir.resolve("migrations").resolve(name), text);
    }

    @Test
    void schemaFlagPutsHistoryAndUnqualifiedObjectsInThatSchema() throws Exception {
        write("20261101000000_users.sql", "CREATE TABLE users (id int PRIMARY KEY);");
        Cli.Result r = new Cli(dir).run("--url", db.url(), "--schema", "tenant_a", "migrate");
        assertEquals(0, r.exitCode(), r::toString);
        assertEquals(List.of("godwit_history", "users"), db.column("SELECT table_name FROM information_schema.tables "
                + "WHERE table_schema = 'tenant_a' ORDER BY table_name"));
        assertEquals(List.of(), db.column("SELECT table_name FROM information_schema.tables "
                + "WHERE table_schema = 'public'"));
        Cli.Result other = new Cli(dir).run("--url", db.url(), "--schema", "tenant_b", "migrate");
        assertEquals(0, other.exitCode(), other::toString);
        assertEquals(List.of("1"), db.column("SELECT count(*) FROM tenant_b.godwit_history"));
    }

    @Test
    void failedMigrationLeavesDatabaseAndHistoryUnchanged() throws Exception {
        write("20261101000000_users.sql", "CREATE TABLE users (id int PRIMARY KEY);");
        assertEquals(0, new Cli(dir).run("--url", db.url(), "migrate").exitCode());
        write("20261101000001_email.sql", "-- godwit:up\nCREATE TABLE audit (id int);\n"
                + "ALTER TABLE users ADD COLUMN id int;\n");
        Cli.Result r = new Cli(dir).run("--url", db.url(), "migrate");
        assertEquals(1, r.exitCode(), r::toString);
        assertTrue(r.err().contains("Migration 20261101000001_email failed at statement 2 "
                + "(migrations/20261101000001_email.sql:3): column \"id\" of relation \"users\" already exists "
                + "[SQLState 42701]. Nothing from this migration was applied."), r::toString);
        assertFalse(db.hasTable("audit"));
        assertEquals(List.of("20261101000000_users"), db.column("SELECT id FROM godwit_history"));
    }

    @Test
    void refusedLoginIsOneSentenceWithThePasswordRedacted() {
        String url = db.url().replace("user=postgres", "user=no_such_role");
        Cli.Result r = new Cli(dir).run("--url", url + "&password=hunter2", "--password", "s3cret-pw", "status");
        assertEquals(1, r.exitCode(), r::toString);
        assertTrue(r.err().contains("refused the login"), r::toString);
        assertTrue(r.err().contains("no_such_role"), r::toString);
        assertFalse(r.err().contains("hunter2") || r.err().contains("s3cret-pw"), r::toString);
        assertEquals(1, r.err().lines().count(), r::toString);
        Cli.Result verbose = new Cli(dir).run("-v", "--url", url + "&password=hunter2", "--password", "s3cret-pw",
                "status");
        assertFalse(verbose.err().contains("hunter2") || verbose.err().contains("s3cret-pw"), verbose::toString);
    }

    @Test
    void unreachableDatabaseIsOneSentence() {
        Cli.Result r = new Cli(dir).run("--url", "jdbc:postgresql://127.0.0.1:1/x?user=u&password=hunter2", "status");
        assertEquals(1, r.exitCode(), r::toString);
        assertTrue(r.err().startsWith("error: Cannot connect to jdbc:postgresql://127.0.0.1:1/x?user=u&password=***"),
                r::toString);
        assertFalse(r.err().contains("hunter2"), r::toString);
    }

    @Test
    void lockHeldByAnotherSessionTimesOutWithExitCode4NamingTheHolder() throws Exception {
        write("20261101000000_users.sql", "CREATE TABLE users (id int PRIMARY KEY);");
        try (Connection holder = DriverManager.getConnection(db.url()); Statement s = holder.createStatement()) {
            s.execute("SET application_name = 'deploy-42'");
            // The key PostgresLocker derives for the unqualified table godwit_history.
            s.execute("SELECT pg_advisory_lock(" + lockKey() + ")");
            Cli.Result r = new Cli(dir).run("--url", db.url(), "--lock-timeout", "1s", "migrate");
            assertEquals(4, r.exitCode(), r::toString);
            assertTrue(r.err().contains("application 'deploy-42'"), r::toString);
            assertTrue(r.err().matches("(?s).*pid \\d+.*"), r::toString);
        }
        assertFalse(db.hasTable("users"));
        assertEquals(0, new Cli(dir).run("--url", db.url(), "--lock-timeout", "1s", "migrate").exitCode(),
                "the lock died with the holder's session");
    }

    private static long lockKey() throws Exception {
        java.lang.reflect.Method key = Class.forName("dev.godwit.postgres.PostgresLocker")
                .getDeclaredMethod("key", dev.godwit.model.QualifiedName.class);
        key.setAccessible(true);
        return (long) key.invoke(null, dev.godwit.model.QualifiedName.unqualified("godwit_history"));
    }

    @Test
    void awaitReturnsOnceTheDatabaseAnswers() {
        Cli.Result r = new Cli(dir).run("--url", db.url(), "await", "--timeout", "5s");
        assertEquals(0, r.exitCode(), r::toString);
        Cli.Result down = new Cli(dir).run("--url", "jdbc:postgresql://127.0.0.1:1/x", "await", "--timeout", "1s");
        assertEquals(1, down.exitCode(), down::toString);
        assertTrue(down.err().contains("did not accept a connection within 1 s"), down::toString);
    }

    @Test
    void inspectSqlRebuildsAnEquivalentSchemaAndMermaidDrawsItsKeys() throws Exception {
        db.execute("CREATE TYPE mood AS ENUM ('sad', 'ok')",
                "CREATE TABLE users (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, m mood DEFAULT 'ok')",
                "CREATE TABLE posts (id serial PRIMARY KEY, user_id bigint REFERENCES users ON DELETE CASCADE)",
                "CREATE INDEX posts_user ON posts (user_id) WHERE user_id IS NOT NULL",
                "CREATE VIEW user_posts AS SELECT u.id, count(p.id) AS n FROM users u JOIN posts p ON p.user_id = u.id "
                        + "GROUP BY u.id");
        Cli.Result sql = new Cli(dir).run("--url", db.url(), "inspect");
        assertEquals(0, sql.exitCode(), sql::toString);
        try (PostgresTestDatabase copy = PostgresTestDatabase.create()) {
            copy.execute(sql.out());
            dev.godwit.model.Catalog original = dev.godwit.Godwit.configure().url(db.url()).load()
                    .inspect(dev.godwit.dialect.InspectOptions.defaults());
            dev.godwit.model.Catalog rebuilt = dev.godwit.Godwit.configure().url(copy.url()).load()
                    .inspect(dev.godwit.dialect.InspectOptions.defaults());
            assertEquals(List.of(), dev.godwit.model.Equivalence.differences(original, rebuilt));
        }
        Cli.Result mermaid = new Cli(dir).run("--url", db.url(), "inspect", "--format", "mermaid");
        assertEquals(0, mermaid.exitCode(), mermaid::toString);
        assertTrue(mermaid.out().startsWith("erDiagram\n"), mermaid::toString);
        assertTrue(mermaid.out().contains("users ||--o{ posts") || mermaid.out().contains("users |o--o{ posts"),
                mermaid::toString);
        Cli.Result only = new Cli(dir).run("--url", db.url(), "inspect", "--tables", "post*");
        assertFalse(only.out().contains("CREATE TABLE public.users"), only::toString);
        assertTrue(only.out().contains("CREATE TABLE public.posts"), only::toString);
    }

    @Test
    void migrateKeepsTheSnapshotAtTheNewestRevision() throws Exception {
        write("20261101000000_users.sql", "CREATE TABLE users (id int PRIMARY KEY);");
        assertEquals(0, new Cli(dir).run("--url", db.url(), "migrate").exitCode());
        Path snapshot = dir.resolve("migrations/.godwit/snapshot.json");
        dev.godwit.snapshot.Snapshot saved = dev.godwit.snapshot.SnapshotReader.read(snapshot);
        assertEquals(java.util.Optional.of("20261101000000_users"), saved.revision());
        assertTrue(saved.catalog().table(dev.godwit.model.QualifiedName.of("public", "users")).isPresent());

        write("20261101000001_posts.sql", "CREATE TABLE posts (id int);");
        Cli.Result refused = new Cli(dir).run("--url", db.url(), "snapshot");
        assertEquals(1, refused.exitCode(), refused::toString);
        assertTrue(refused.err().contains("1 migrations are pending"), refused::toString);
        assertEquals(0, new Cli(dir).run("--url", db.url(), "--snapshot", "off", "migrate").exitCode());
        assertEquals(java.util.Optional.of("20261101000000_users"),
                dev.godwit.snapshot.SnapshotReader.read(snapshot).revision(), "snapshot = off left it alone");
        Cli.Result rebuilt = new Cli(dir).run("--url", db.url(), "snapshot");
        assertEquals(0, rebuilt.exitCode(), rebuilt::toString);
        assertEquals(java.util.Optional.of("20261101000001_posts"),
                dev.godwit.snapshot.SnapshotReader.read(snapshot).revision());

        Cli.Result json = new Cli(dir).run("--url", db.url(), "inspect", "--format", "json");
        assertEquals(0, json.exitCode(), json::toString);
        assertEquals(dev.godwit.snapshot.SnapshotReader.read(snapshot).catalog(),
                dev.godwit.snapshot.SnapshotReader.fromJson(json.out(), "stdout").catalog());
    }
}
