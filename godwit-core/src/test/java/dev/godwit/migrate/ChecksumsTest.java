package dev.godwit.migrate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import dev.godwit.dialect.ScriptSplitter;
import dev.godwit.dialect.SplitterSyntax;
import dev.godwit.dialect.SplitterSyntax.BackslashEscapes;
import org.junit.jupiter.api.Test;

class ChecksumsTest {

    @Test
    void lineEndingsBomAndTrailingWhitespaceDoNotChangeTheChecksum() {
        assertEquals(Checksums.of("CREATE TABLE a (id int);\nSELECT 1;\n"),
                Checksums.of("\uFEFFCREATE TABLE a (id int);   \r\nSELECT 1;\r\n\r\n"));
    }

    @Test
    void anyOtherEditChangesIt() {
        assertNotEquals(Checksums.of("CREATE TABLE a (id int);"), Checksums.of("CREATE TABLE a (id bigint);"));
        assertNotEquals(Checksums.of("CREATE TABLE a (id int);"), Checksums.of("CREATE  TABLE a (id int);"));
        assertEquals(64, Checksums.of("x").length());
    }

    @Test
    void statementChecksumTellsAWhitespaceOrCommentEditFromARealOne() {
        ScriptSplitter splitter = new ScriptSplitter(new SplitterSyntax(true, true, BackslashEscapes.E_PREFIX,
                false, false, words -> false));
        String applied = "CREATE TABLE a (id int);\nINSERT INTO a VALUES (1);\n";
        String reformatted = "-- the a table\nCREATE TABLE a\n    (id int  /* key */);\n\nINSERT INTO a VALUES (1);";
        String edited = "CREATE TABLE a (id int);\nINSERT INTO a VALUES (2);\n";
        assertNotEquals(Checksums.of(applied), Checksums.of(reformatted));
        assertEquals(Checksums.ofStatements(splitter.split(applied)),
                Checksums.ofStatements(splitter.split(reformatted)));
        assertNotEquals(Checksums.ofStatements(splitter.split(applied)),
                Checksums.ofStatements(splitter.split(edited)));
    }
}
