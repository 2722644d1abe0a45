package dev.godwit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.godwit.testkit.Corpus;
import dev.godwit.testkit.PostgresTestDatabase;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CliRestorePostgresTest {

    @TempDir
    Path dir;
    private PostgresTestDatabase db;

    @BeforeEach
    void database() {
        db = PostgresTestDatabase.create();
    }

    @AfterEach
    void drop() {
        db.close();
    }

    @Test
    void aPgDumpScriptWithCopyDataAndAFunctionBodyIsRestored() throws Exception {
        Path dump = dir.resolve("pg_dump-style.sql");
        try (InputStream in = getClass().getResourceAsStream("/restore/pg_dump-style.sql")) {
            Files.copy(in, dump);
        }
        Cli.Result r = new Cli(dir).run("--url", db.url(), "restore", "pg_dump-style.sql");
        assertEquals(0, r.exitCode(), r::toString);
        assertTrue(r.out().contains("and 3 copied rows"), r::toString);
        assertEquals(List.of("1|semi;colon|ok;fine", "2|tab\there, backslash \\ and a line\nbreak|sad", "3|-|-"),
                db.column("SELECT id || '|' || coalesce(body, '-') || '|' || coalesce(mood::text, '-') "
                        + "FROM public.notes ORDER BY id"));
        assertEquals(List.of("4"), db.column("SELECT nextval('public.notes_id_seq')"));
        db.column("UPDATE public.notes SET body = 'x' WHERE id = 3 RETURNING id");
        assertEquals(List.of("1"), db.column("SELECT count(*) FROM public.notes WHERE changed IS NOT NULL AND id = 3"),
                "the trigger and its function work");
    }

    @Test
    void aStatementThatFailsLeavesTheDatabaseEmpty() throws Exception {
        Files.writeString(dir.resolve("bad.sql"), "CREATE TABLE a (id int);\nCOPY a (id) FROM stdin;\n1\nnot a number\n"
                + "\\.\n");
        Cli.Result r = new Cli(dir).run("--url", db.url(), "restore", "--single-transaction", "bad.sql");
        assertEquals(1, r.exitCode(), r::toString);
        assertTrue(r.err().contains("Restoring bad.sql failed at line 2: "), r::toString);
        assertTrue(r.err().contains("[SQLState 22P02]"), r::toString);
        assertEquals(List.of("0"), db.column("SELECT count(*) FROM information_schema.tables WHERE table_schema = "
                + "'public'"));
    }

    @Test
    void theChinookGzipDumpIsRestored() throws Exception {
        Path dump = Corpus.dump("chinook-postgres.sql.gz");
        Cli.Result r = new Cli(dir).run("--url", db.url(), "restore", dump.toString());
        assertEquals(0, r.exitCode(), r::toString);
        assertEquals(List.of("3503"), db.column("SELECT count(*) FROM track"));
        assertEquals(List.of("11"), db.column("SELECT count(*) FROM information_schema.tables "
                + "WHERE table_schema = 'public'"));
    }
}
