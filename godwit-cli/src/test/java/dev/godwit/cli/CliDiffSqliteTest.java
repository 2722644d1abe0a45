package dev.godwit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.godwit.Godwit;
import dev.godwit.diff.Rename;
import dev.godwit.model.QualifiedName;
import dev.godwit.sqlite.SqliteDialect;
import dev.godwit.source.SchemaSource;
import dev.godwit.source.SchemaState;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Schema sources on SQLite, which need no server: SQL files and migrations replayed into a scratch database, the
 * snapshot when current. The commands that plan need SQLite's change writer and are skipped until it exists.
 */
class CliDiffSqliteTest {

    @TempDir
    Path dir;

    private void write(String name, String text) throws Exception {
        Path file = dir.resolve(name);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }

    private Godwit godwit() {
        return Godwit.configure().url("jdbc:sqlite:" + dir.resolve("app.db")).baseDirectory(dir).load();
    }

    @Test
    void aFolderOfSqlFilesLoadsInPathOrderIntoAScratchDatabaseWithItsRenameHints() throws Exception {
        write("schema/2_posts.sql", "-- godwit:rename users.name=full_name\n"
                + "CREATE TABLE posts (id INTEGER PRIMARY KEY, user_id INTEGER REFERENCES users (id));\n");
        write("schema/1_users.sql", "CREATE TABLE users (id INTEGER PRIMARY KEY, full_name TEXT);\n");
        write("schema/.hidden/x.sql", "this is not SQL");
        SchemaState state = godwit().resolve(SchemaSource.parse("schema", dir));
        assertTrue(state.catalog().table(QualifiedName.unqualified("posts")).isPresent(), state::toString);
        assertTrue(state.catalog().table(QualifiedName.unqualified("users")).isPresent(), state::toString);
        assertEquals(List.of(new Rename("users.name", "full_name")), state.renames());
        assertTrue(state.origin().contains("2 files"), state.origin());
        assertTrue(Files.notExists(dir.resolve("app.db")), "the configured database was not touched");
    }

    @Test
    void migrationsComeFromTheSnapshotWhenItIsAtTheNewestMigrationElseAreReplayed() throws Exception {
        write("migrations/20261101000000_users.sql", "CREATE TABLE users (id INTEGER PRIMARY KEY);\n");
        SchemaState replayed = godwit().resolve(godwit().migrations());
        assertTrue(replayed.origin().contains("replayed into a scratch sqlite database"), replayed.origin());
        assertEquals(Optional.of("20261101000000_users"), replayed.revision());
        assertTrue(replayed.catalog().table(QualifiedName.unqualified("users")).isPresent());

        Cli.Result migrate = new Cli(dir).run("--url", "jdbc:sqlite:app.db", "migrate");
        assertEquals(0, migrate.exitCode(), migrate::toString);
        SchemaState saved = godwit().resolve(SchemaSource.parse("migrations:migrations", dir));
        assertTrue(saved.origin().startsWith("snapshot migrations/.godwit/snapshot.json"), saved.origin());
        assertEquals(replayed.catalog(), saved.catalog());

        write("migrations/20261101000001_posts.sql", "CREATE TABLE posts (id INTEGER PRIMARY KEY);\n");
        SchemaState stale = godwit().resolve(godwit().migrations());
        assertTrue(stale.origin().contains("replayed"), stale.origin());
        assertTrue(stale.catalog().table(QualifiedName.unqualified("posts")).isPresent());
    }

    @Test
    void aSourceThatIsNoneOfTheFormsIsAUsageError() {
        Cli.Result r = new Cli(dir).run("diff", "--to", "notes.txt");
        assertEquals(64, r.exitCode(), r::toString);
        assertTrue(r.err().contains("'notes.txt' is not a schema source"), r::toString);
        Cli.Result none = new Cli(dir).run("generate", "x");
        assertEquals(64, none.exitCode(), none::toString);
        assertTrue(none.err().contains("No desired schema"), none::toString);
    }

    @Test
    void generateThenMigrateThenCheckOnSqlite() throws Exception {
        assumeWriter();
        Files.createDirectories(dir.resolve("migrations"));
        write("schema.sql", "CREATE TABLE users (id INTEGER PRIMARY KEY, email TEXT NOT NULL);\n");
        assertEquals(2, new Cli(dir).run("check").exitCode());
        Cli.Result generated = new Cli(dir).run("generate", "create users");
        assertEquals(0, generated.exitCode(), generated::toString);
        assertEquals(0, new Cli(dir).run("migrate").exitCode());
        assertEquals(0, new Cli(dir).run("check").exitCode());
        Cli.Result diff = new Cli(dir).run("diff", "--exit-code");
        assertEquals(0, diff.exitCode(), diff::toString);
        write("schema.sql", "CREATE TABLE users (id INTEGER PRIMARY KEY, email TEXT NOT NULL, name TEXT);\n");
        assertEquals(2, new Cli(dir).run("diff", "--exit-code").exitCode());
    }

    private static void assumeWriter() {
        try {
            new SqliteDialect().changeWriter();
        } catch (UnsupportedOperationException e) {
            Assumptions.abort("SQLite has no change writer yet: " + e.getMessage());
        }
    }
}
