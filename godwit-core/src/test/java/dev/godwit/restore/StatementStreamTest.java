package dev.godwit.restore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.godwit.dialect.ScriptException;
import dev.godwit.dialect.ScriptSplitter;
import dev.godwit.dialect.SplitterSyntax;
import dev.godwit.dialect.SqlStatement;
import dev.godwit.error.GodwitException;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class StatementStreamTest {

    /** PostgreSQL's lexical rules, and SQLite's trigger bodies, in one splitter. */
    private static final ScriptSplitter SPLITTER = new ScriptSplitter(new SplitterSyntax(true, true,
            SplitterSyntax.BackslashEscapes.E_PREFIX, false, false,
            words -> words.size() >= 2 && words.get(0).equals("CREATE") && words.contains("TRIGGER")));

    @Test
    void statementsSpanningLinesWithSemicolonsInsideStringsBodiesAndBlocksComeWhole() throws IOException {
        String script = """
                -- a dump
                CREATE TABLE t (id int, note text);
                INSERT INTO t VALUES (1, 'a;
                b;'), (2, 'c');
                CREATE FUNCTION f() RETURNS int AS $$
                BEGIN
                  RETURN 1;
                END;
                $$ LANGUAGE plpgsql;
                CREATE TRIGGER g AFTER INSERT ON t BEGIN
                  UPDATE t SET note = 'x;';
                  DELETE FROM t WHERE id = 0;
                END;
                /* a comment; with a semicolon */ SELECT 1; SELECT 2;

                SELECT 3
                """;
        List<SqlStatement> statements = all(new StatementStream(new StringReader(script), SPLITTER));
        assertEquals(List.of(2, 3, 5, 10, 14, 14, 16), statements.stream().map(SqlStatement::line).toList());
        assertEquals("INSERT INTO t VALUES (1, 'a;\nb;'), (2, 'c')", statements.get(1).sql());
        assertTrue(statements.get(2).sql().endsWith("$$ LANGUAGE plpgsql"), statements.get(2).sql());
        assertTrue(statements.get(3).sql().endsWith("DELETE FROM t WHERE id = 0;\nEND"), statements.get(3).sql());
        assertEquals("SELECT 3", statements.get(6).sql());
    }

    @Test
    void aByteOrderMarkAndWindowsLineEndsAreNotPartOfTheStatements() throws IOException {
        List<SqlStatement> statements = all(new StatementStream(new StringReader(
                "\uFEFFCREATE TABLE t (id int);\r\nINSERT INTO t\r\nVALUES (1);\r\n"), SPLITTER));
        assertEquals(List.of("CREATE TABLE t (id int)", "INSERT INTO t\nVALUES (1)"),
                statements.stream().map(SqlStatement::sql).toList());
    }

    @Test
    void copyDataIsHandedOverRawUpToTheEndMarker() throws IOException {
        String script = "/*M!999999\\- enable the sandbox mode */ \n\\restrict abc123\nCOPY t (id, note) FROM stdin;\n1\ta;b\\tc\n2\t\\N\n\\.\nSELECT 1;\n"
                + "\\unrestrict abc123\n";
        StatementStream stream = new StatementStream(new StringReader(script), SPLITTER);
        assertEquals("COPY t (id, note) FROM stdin", stream.next().sql());
        assertEquals("1\ta;b\\tc\n2\t\\N\n", read(stream.copyData()));
        SqlStatement after = stream.next();
        assertEquals("SELECT 1", after.sql());
        assertEquals(7, after.line());
        assertNull(stream.next());
        assertEquals(8, stream.lines());
    }

    @Test
    void anOpenQuoteAtTheEndNamesItsLineAndAPsqlCommandIsRefused() {
        StatementStream open = new StatementStream(new StringReader("SELECT 1;\n\nSELECT 'never\nclosed;\n"),
                SPLITTER);
        ScriptException e = assertThrows(ScriptException.class, () -> all(open));
        assertEquals(3, e.line(), e.getMessage());
        StatementStream connect = new StatementStream(new StringReader("-- dump\n\\connect other\nSELECT 1;\n"),
                SPLITTER);
        GodwitException refused = assertThrows(GodwitException.class, connect::next);
        assertTrue(refused.getMessage().startsWith("Line 2 is the psql command '\\connect other'"),
                refused.getMessage());
        StatementStream unclosed = new StatementStream(new StringReader("COPY t FROM stdin;\n1\n"), SPLITTER);
        IOException copy = assertThrows(IOException.class, () -> {
            unclosed.next();
            read(unclosed.copyData());
        });
        assertTrue(copy.getMessage().contains("starts on line 2 has no closing \\. line"), copy.getMessage());
    }

    /** A script too big to hold as one string comes through a line at a time. */
    @Test
    void aLongScriptIsReadAsItStreams() throws IOException {
        int rows = 200_000;
        Reader generated = new Reader() {
            private int row;
            private String current = "";
            private int at;

            @Override
            public int read(char[] buffer, int offset, int length) {
                if (at == current.length()) {
                    if (row == rows) {
                        return -1;
                    }
                    current = "INSERT INTO t VALUES (" + row++ + ", 'x;y');\n";
                    at = 0;
                }
                int n = Math.min(length, current.length() - at);
                current.getChars(at, at + n, buffer, offset);
                at += n;
                return n;
            }

            @Override
            public void close() {
            }
        };
        StatementStream stream = new StatementStream(generated, SPLITTER);
        long count = 0;
        SqlStatement last = null;
        for (SqlStatement s = stream.next(); s != null; s = stream.next()) {
            count++;
            last = s;
        }
        assertEquals(rows, count);
        assertEquals("INSERT INTO t VALUES (" + (rows - 1) + ", 'x;y')", last.sql());
        assertEquals(rows, last.line());
    }

    private static List<SqlStatement> all(StatementStream stream) throws IOException {
        List<SqlStatement> out = new ArrayList<>();
        for (SqlStatement s = stream.next(); s != null; s = stream.next()) {
            out.add(s);
        }
        return out;
    }

    private static String read(Reader reader) throws IOException {
        StringBuilder out = new StringBuilder();
        char[] buffer = new char[256];
        int n;
        while ((n = reader.read(buffer)) > 0) {
            out.append(buffer, 0, n);
        }
        return out.toString();
    }
}
