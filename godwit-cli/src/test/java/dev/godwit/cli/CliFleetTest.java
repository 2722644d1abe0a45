package dev.godwit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.godwit.testkit.PostgresTestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code migrate --schemas} and {@code migrate --targets}: many tenants or databases at once. */
class CliFleetTest {

    @TempDir
    Path dir;

    private void write(String name, String text) throws Exception {
        Files.createDirectories(dir.resolve("migrations"));
        Files.writeString(dir.resolve("migrations").resolve(name), text);
    }

    @Test
    void everyMatchingTenantSchemaIsMigratedAndOneFailureStopsOnlyItself() throws Exception {
        write("20261101000000_users.sql", "CREATE TABLE users (id int PRIMARY KEY);");
        write("20261101000001_posts.sql", "CREATE TABLE posts (id int, user_id int REFERENCES users (id));");
        try (PostgresTestDatabase db = PostgresTestDatabase.create()) {
            try (Connection c = db.connect(); Statement s = c.createStatement()) {
                s.execute("CREATE SCHEMA tenant_a; CREATE SCHEMA tenant_b; CREATE SCHEMA tenant_c; "
                        + "CREATE SCHEMA other");
                s.execute("CREATE TABLE tenant_c.posts (id int)"); // makes tenant_c's second migration fail
            }
            Cli.Result r = new Cli(dir).run("--url", db.url(), "migrate", "--schemas", "tenant_*", "--jobs", "2");
            assertEquals(1, r.exitCode(), r::toString);
            assertTrue(r.out().contains("tenant_a: applied 2 migrations"), r::toString);
            assertTrue(r.out().contains("tenant_b: applied 2 migrations"), r::toString);
            assertTrue(r.out().contains("tenant_c: FAILED: Migration 20261101000001_posts failed"), r::toString);
            assertTrue(r.out().contains("3 targets: 2 done, 1 failed."), r::toString);
            assertEquals(List.of("2", "2", "1"), db.column("SELECT (SELECT count(*) FROM tenant_a.godwit_history) "
                    + "UNION ALL SELECT (SELECT count(*) FROM tenant_b.godwit_history) "
                    + "UNION ALL SELECT (SELECT count(*) FROM tenant_c.godwit_history)"));
            assertEquals(List.of("0"), db.column("SELECT count(*) FROM information_schema.tables "
                    + "WHERE table_schema IN ('other', 'public')"), "schemas that do not match are untouched");

            Cli.Result status = new Cli(dir).run("--url", db.url(), "status", "--schemas", "tenant_*", "--exit-code");
            assertEquals(2, status.exitCode(), "tenant_c has a pending migration: " + status);
            assertTrue(status.out().contains("tenant_a: 2 applied."), status::toString);
            assertTrue(status.out().contains("tenant_c: 1 applied, 1 pending."), status::toString);

            Cli.Result again = new Cli(dir).run("--url", db.url(), "--format", "json", "migrate", "--schemas",
                    "tenant_a,tenant_b");
            assertEquals(0, again.exitCode(), again::toString);
            JsonNode doc = new ObjectMapper().readTree(again.out());
            assertEquals(0, doc.get("failed").asInt());
            assertEquals("tenant_a", doc.get("targets").get(0).get("target").asText());
            assertEquals(0, doc.get("targets").get(1).get("result").get("applied").size());

            Cli.Result none = new Cli(dir).run("--url", db.url(), "migrate", "--schemas", "nobody_*");
            assertEquals(64, none.exitCode(), none::toString);
            assertTrue(none.err().contains("No schema of"), none::toString);
        }
    }

    @Test
    void schemaPatternsAreShellGlobsWithEverythingElseLiteral() {
        assertTrue(FleetFlags.glob("tenant_*").matcher("tenant_a1").matches());
        assertTrue(FleetFlags.glob("t?").matcher("t1").matches());
        assertFalse(FleetFlags.glob("a.b").matcher("axb").matches());
        assertTrue(FleetFlags.glob("a$b+").matcher("a$b+").matches());
    }

    @Test
    void everyDatabaseOfATargetsFileIsMigrated() throws Exception {
        write("20261101000000_users.sql", "CREATE TABLE users (id INTEGER PRIMARY KEY);");
        Files.writeString(dir.resolve("targets.txt"), "# the shards\njdbc:sqlite:one.db\n\njdbc:sqlite:two.db\n");
        Cli.Result r = new Cli(dir).run("migrate", "--targets", "targets.txt");
        assertEquals(0, r.exitCode(), r::toString);
        assertTrue(r.out().contains("2 targets: 2 done, 0 failed."), r::toString);
        for (String db : List.of("one.db", "two.db")) {
            try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve(db));
                 ResultSet rs = c.createStatement().executeQuery("SELECT count(*) FROM godwit_history")) {
                rs.next();
                assertEquals(1, rs.getInt(1), db);
            }
        }
        assertFalse(Files.exists(dir.resolve("migrations/.godwit/snapshot.json")), "no snapshot for many targets");
    }
}
