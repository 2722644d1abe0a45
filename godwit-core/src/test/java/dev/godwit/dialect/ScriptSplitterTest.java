package dev.godwit.dialect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.godwit.dialect.SplitterSyntax.BackslashEscapes;
import java.util.List;
import org.junit.jupiter.api.Test;

class ScriptSplitterTest {

    /** PostgreSQL's rules, as godwit-postgres configures them. */
    private static final ScriptSplitter PG = new ScriptSplitter(new SplitterSyntax(true, true,
            BackslashEscapes.E_PREFIX, false, false, w -> w.size() > 1 && w.get(0).equals("CREATE")
            && (isRoutine(w.get(1)) || w.size() > 3 && w.get(1).equals("OR") && isRoutine(w.get(3)))));
    /** SQLite's rules, as godwit-sqlite configures them. */
    private static final ScriptSplitter SQLITE = new ScriptSplitter(new SplitterSyntax(false, false,
            BackslashEscapes.NEVER, true, true, w -> w.size() > 1 && w.get(0).equals("CREATE")
            && (w.get(1).equals("TRIGGER")
            || w.size() > 2 && w.get(1).startsWith("TEMP") && w.get(2).equals("TRIGGER"))));

    private static boolean isRoutine(String word) {
        return word.equals("FUNCTION") || word.equals("PROCEDURE");
    }

    private static List<String> sql(ScriptSplitter splitter, String script) {
        return splitter.split(script).stream().map(SqlStatement::sql).toList();
    }

    @Test
    void semicolonsInsideQuotesAndCommentsDoNotSplit() {
        assertEquals(List.of("INSERT INTO t VALUES ('a;b', 'it''s; fine')", "SELECT \"odd;name\" FROM t"),
                sql(PG, "INSERT INTO t VALUES ('a;b', 'it''s; fine'); -- a comment; with semicolons\n"
                        + "/* block; comment */ SELECT \"odd;name\" FROM t;"));
    }

    @Test
    void postgresBlockCommentsNestAndSqliteOnesDoNot() {
        assertEquals(List.of("SELECT 1", "SELECT 2"), sql(PG, "/* outer /* inner; */ still; comment */ SELECT 1; "
                + "SELECT 2"));
        assertEquals(List.of("still", "comment */ SELECT 1", "SELECT 2"),
                sql(SQLITE, "/* outer /* inner; */ still; comment */ SELECT 1; SELECT 2"));
    }

    @Test
    void dollarQuotedBodiesAreOneStatement() {
        String function = "CREATE FUNCTION f() RETURNS trigger AS $body$\nBEGIN\n  NEW.x := 1; RETURN NEW;\nEND;\n"
                + "$body$ LANGUAGE plpgsql";
        assertEquals(List.of(function, "SELECT $$a;b$$", "SELECT $1"),
                sql(PG, function + ";\nSELECT $$a;b$$;\nSELECT $1;"));
    }

    @Test
    void backslashEscapesOnlyInEStrings() {
        assertEquals(List.of("SELECT E'it\\'s; ok'", "SELECT 'a\\'", "SELECT 2"),
                sql(PG, "SELECT E'it\\'s; ok'; SELECT 'a\\'; SELECT 2"));
    }

    @Test
    void beginAtomicFunctionBodiesKeepTheirSemicolons() {
        String function = "CREATE OR REPLACE FUNCTION add(a int, b int) RETURNS int LANGUAGE sql\nBEGIN ATOMIC\n"
                + "  SELECT a + b;\nEND";
        assertEquals(List.of(function, "SELECT add(1, 2)"), sql(PG, function + ";\nSELECT add(1, 2);"));
    }

    @Test
    void sqliteTriggerBodiesWithCaseExpressionsAreOneStatement() {
        String trigger = "CREATE TRIGGER t AFTER INSERT ON a BEGIN\n  UPDATE b SET n = CASE WHEN n > 0 THEN n + 1 ELSE 1 "
                + "END;\n  DELETE FROM c;\nEND";
        assertEquals(List.of(trigger, "SELECT [odd;name], `x;y` FROM a"),
                sql(SQLITE, trigger + ";\nSELECT [odd;name], `x;y` FROM a;"));
    }

    @Test
    void statementsKnowTheLineTheyStartOn() {
        List<SqlStatement> statements = PG.split("-- header\n\nSELECT 1;\n\n  SELECT\n 2;");
        assertEquals(3, statements.get(0).line());
        assertEquals(5, statements.get(1).line());
    }

    @Test
    void unterminatedTokensNameTheLineTheyOpenOn() {
        ScriptException quote = assertThrows(ScriptException.class, () -> PG.split("SELECT 1;\nSELECT 'oops;\n"));
        assertEquals(2, quote.line());
        ScriptException dollar = assertThrows(ScriptException.class, () -> PG.split("\n\nDO $x$ BEGIN END"));
        assertEquals(3, dollar.line());
        assertEquals("unterminated dollar-quoted string $x$", dollar.problem());
        assertThrows(ScriptException.class, () -> SQLITE.split("/* never closed"));
    }

    @Test
    void essenceIgnoresCommentsAndWhitespaceButNotLiterals() {
        String a = PG.split("CREATE TABLE a (id int); -- first").get(0).essence();
        String b = PG.split("/* note */ CREATE   TABLE a\n  (id int)").get(0).essence();
        assertEquals(a, b);
        assertNotEquals(PG.split("SELECT 'a  b'").get(0).essence(), PG.split("SELECT 'a b'").get(0).essence());
    }

    @Test
    void essenceIgnoresLayoutAroundParenthesesAndCommas() {
        String oneLine = PG.split("CREATE TABLE a(id int, name text)").get(0).essence();
        String laidOut = PG.split("CREATE TABLE a (\n    id   int, -- key\n    name text /* shown */\n)").get(0)
                .essence();
        assertEquals(oneLine, laidOut);
        assertNotEquals(oneLine, PG.split("CREATE TABLE a(idint, name text)").get(0).essence());
    }

    @Test
    void emptyStatementsAreLeftOut() {
        assertEquals(List.of("SELECT 1"), sql(PG, ";;\n-- only a comment;\nSELECT 1;;"));
    }

    @Test
    void doubledQuotesStayInsideStringsAndIdentifiers() {
        assertEquals(List.of("SELECT \"a\"\"b;c\" FROM t", "SELECT 'x'';y'", "SELECT 3"),
                sql(PG, "SELECT \"a\"\"b;c\" FROM t; SELECT 'x'';y'; SELECT 3;"));
        assertEquals(List.of("SELECT 'it''s;'", "SELECT 2"), sql(SQLITE, "SELECT 'it''s;'; SELECT 2"));
    }

    @Test
    void escapedQuoteInAnEStringDoesNotCloseIt() {
        assertEquals(List.of("INSERT INTO t VALUES (E'\\'', e'a\\\\')", "SELECT 2"),
                sql(PG, "INSERT INTO t VALUES (E'\\'', e'a\\\\'); SELECT 2;"));
    }

    @Test
    void linesInsideMultiLineTokensAreCounted() {
        List<SqlStatement> statements = PG.split("SELECT 'a\nb';\nSELECT $$\n\n$$;\n/* c\n */ SELECT \"x\ny\";\n"
                + "SELECT E'back\\\nslash';\nSELECT 5;");
        assertEquals(List.of(1, 3, 7, 9, 11), statements.stream().map(SqlStatement::line).toList());
    }

    @Test
    void sqliteTemporaryTriggerWithNestedCaseIsOneStatement() {
        String trigger = "CREATE TEMP TRIGGER IF NOT EXISTS t BEFORE UPDATE ON a\n"
                + "WHEN CASE WHEN new.x THEN 1 END\nBEGIN\n"
                + "  SELECT CASE WHEN new.x > (SELECT CASE WHEN 1 THEN 2 END) THEN RAISE(ABORT, 'no;') END;\n"
                + "  INSERT INTO log VALUES ('end;');\nEND";
        assertEquals(List.of(trigger, "DROP TABLE b"), sql(SQLITE, trigger + ";\nDROP TABLE b;"));
    }

    @Test
    void beginAtomicBodyWithCaseEndsAtItsOwnEnd() {
        String procedure = "CREATE PROCEDURE p(x int) LANGUAGE sql\nBEGIN ATOMIC\n"
                + "  INSERT INTO t VALUES (CASE WHEN x > 0 THEN x ELSE 0 END);\n  DELETE FROM t WHERE id < 0;\nEND";
        assertEquals(List.of(procedure, "CALL p(1)"), sql(PG, procedure + ";\nCALL p(1);"));
    }

    @Test
    void everyUnterminatedTokenIsAnErrorOnTheLineItOpens() {
        assertEquals(3, assertThrows(ScriptException.class, () -> PG.split("SELECT 1;\n\nSELECT \"odd")).line());
        assertEquals(2, assertThrows(ScriptException.class, () -> PG.split("SELECT 1;\n/* /* */ open\n")).line());
        assertEquals(2, assertThrows(ScriptException.class, () -> SQLITE.split("SELECT 1;\nSELECT [x;\n")).line());
        ScriptException e = assertThrows(ScriptException.class, () -> SQLITE.split("SELECT 'a\nb';\nSELECT 'c"));
        assertEquals(3, e.line());
        assertEquals("unterminated string (opening ')", e.problem());
    }
}
