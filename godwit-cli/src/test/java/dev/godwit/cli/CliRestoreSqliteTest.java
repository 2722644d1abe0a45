package dev.godwit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.godwit.testkit.Corpus;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CliRestoreSqliteTest {

    @TempDir
    Path dir;

    @Test
    void theChinookXzDumpIsRestoredIntoANewFileAndNotIntoOneThatHasTables() throws Exception {
        Path dump = Corpus.dump("chinook-sqlite.sql.xz");
        Cli cli = new Cli(dir);
        Cli.Result r = cli.run("--url", "jdbc:sqlite:chinook.db", "--format", "json", "restore", "--single-transaction",
                dump.toString());
        assertEquals(0, r.exitCode(), r::toString);
        JsonNode result = new ObjectMapper().readTree(r.out());
        assertTrue(result.get("transactional").asBoolean());
        assertEquals(Files.size(dump), result.get("bytesRead").asLong());
        assertEquals(3503, count("chinook.db", "SELECT count(*) FROM Track"));
        assertEquals(412, count("chinook.db", "SELECT count(*) FROM Invoice"));

        Cli.Result again = cli.run("--url", "jdbc:sqlite:chinook.db", "restore", dump.toString());
        assertEquals(1, again.exitCode(), again::toString);
        assertTrue(again.err().contains("The database is not empty (it has Album, Artist"), again::toString);
        assertEquals(3503, count("chinook.db", "SELECT count(*) FROM Track"), "the second restore changed nothing");
    }

    /** sqlite3's .dump brackets the script in BEGIN TRANSACTION / COMMIT, which run as written by default. */
    @Test
    void aGzipDumpWithItsOwnTransactionAndATriggerIsRestored() throws Exception {
        Path dump = dir.resolve("app.dump"); // gzip, told by its first bytes, not its name
        gzip(dump, """
                PRAGMA foreign_keys=OFF;
                BEGIN TRANSACTION;
                CREATE TABLE notes (id INTEGER PRIMARY KEY AUTOINCREMENT, body TEXT);
                CREATE TABLE log (msg TEXT);
                INSERT INTO notes VALUES(1,'a;
                b');
                CREATE TRIGGER notes_log AFTER INSERT ON notes BEGIN
                  INSERT INTO log VALUES ('added; ' || NEW.body);
                END;
                DELETE FROM sqlite_sequence;
                INSERT INTO sqlite_sequence VALUES('notes',1);
                COMMIT;
                """);
        Cli.Result r = new Cli(dir).run("--url", "jdbc:sqlite:app.db", "restore", "app.dump");
        assertEquals(0, r.exitCode(), r::toString);
        assertTrue(r.out().startsWith("Restored app.dump into jdbc:sqlite:"), r::toString);
        assertEquals(1, count("app.db", "SELECT count(*) FROM notes WHERE body = 'a;\nb'"));
        execute("app.db", "INSERT INTO notes (body) VALUES ('c')");
        assertEquals(1, count("app.db", "SELECT count(*) FROM log WHERE msg = 'added; c'"), "the trigger works");
        assertEquals(2, count("app.db", "SELECT max(id) FROM notes"));
    }

    /** A LATIN1 byte would otherwise become a replacement character in the restored data, silently. */
    @Test
    void aDumpThatIsNotUtf8IsRefused() throws Exception {
        byte[] latin1 = "CREATE TABLE t (v text);\nINSERT INTO t VALUES ('caf\u00e9');\n"
                .getBytes(StandardCharsets.ISO_8859_1);
        Files.write(dir.resolve("latin1.sql"), latin1);
        Cli.Result r = new Cli(dir).run("--url", "jdbc:sqlite:latin1.db", "restore", "-1", "latin1.sql");
        assertEquals(1, r.exitCode(), r::toString);
        assertTrue(r.err().contains("Restoring latin1.sql failed: the dump is not UTF-8 text"), r::toString);
        assertEquals(0, count("latin1.db", "SELECT count(*) FROM sqlite_master"));
    }

    @Test
    void aCompressedDumpIsReadFromStandardInput() throws Exception {
        Path dump = dir.resolve("piped.gz");
        gzip(dump, "CREATE TABLE piped (id int);\nINSERT INTO piped VALUES (1), (2);\n");
        Cli.Result r = new Cli(dir).stdin(Files.readAllBytes(dump)).run("--url", "jdbc:sqlite:piped.db", "--format",
                "json", "restore", "-");
        assertEquals(0, r.exitCode(), r::toString);
        JsonNode result = new ObjectMapper().readTree(r.out());
        assertEquals("-", result.get("dump").asText());
        assertEquals(2, result.get("statements").asLong());
        assertEquals(2, count("piped.db", "SELECT count(*) FROM piped"));
    }

    @Test
    void aFailingStatementNamesItsLineAndInOneTransactionLeavesTheDatabaseEmpty() throws Exception {
        Files.writeString(dir.resolve("bad.sql"), "CREATE TABLE a (id int);\nINSERT INTO a VALUES (1);\n\n"
                + "INSERT INTO missing VALUES (2);\n");
        Cli.Result r = new Cli(dir).run("--url", "jdbc:sqlite:bad.db", "restore", "-1", "bad.sql");
        assertEquals(1, r.exitCode(), r::toString);
        assertTrue(r.err().contains("Restoring bad.sql failed at line 4: no such table: missing"), r::toString);
        assertTrue(r.err().contains("Nothing was restored"), r::toString);
        assertEquals(0, count("bad.db", "SELECT count(*) FROM sqlite_master"), "the database is empty again");

        Cli.Result asWritten = new Cli(dir).run("--url", "jdbc:sqlite:bad.db", "restore", "bad.sql");
        assertEquals(1, asWritten.exitCode(), asWritten::toString);
        assertTrue(asWritten.err().contains("The statements before it were applied, each on its own"),
                asWritten::toString);
        assertEquals(1, count("bad.db", "SELECT count(*) FROM a"));

        Cli.Result missing = new Cli(dir).run("--url", "jdbc:sqlite:bad.db", "restore", "nowhere.sql.gz");
        assertEquals(64, missing.exitCode(), missing::toString);
        assertTrue(missing.err().contains("nowhere.sql.gz does not exist"), missing::toString);
    }

    private static void gzip(Path file, String text) throws Exception {
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
            out.write(text.getBytes(StandardCharsets.UTF_8));
        }
    }

    private long count(String db, String sql) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve(db));
             Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private void execute(String db, String sql) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve(db));
             Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }
}
