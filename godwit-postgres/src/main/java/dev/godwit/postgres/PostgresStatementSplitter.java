package dev.godwit.postgres;

import dev.godwit.dialect.ScriptSplitter;
import dev.godwit.dialect.SplitterSyntax;
import dev.godwit.dialect.SplitterSyntax.BackslashEscapes;
import dev.godwit.dialect.SqlStatement;
import dev.godwit.dialect.StatementSplitter;
import java.util.List;

/**
 * PostgreSQL's lexical rules, as psql applies them: {@code $tag$ ... $tag$} bodies, nested block comments,
 * backslash escapes only in {@code E'...'} strings, and SQL-standard function bodies ({@code BEGIN ATOMIC ... END},
 * PG 14+) whose semicolons belong to the {@code CREATE FUNCTION}.
 */
final class PostgresStatementSplitter implements StatementSplitter {

    private static final ScriptSplitter SPLITTER = new ScriptSplitter(new SplitterSyntax(true, true,
            BackslashEscapes.E_PREFIX, false, false, PostgresStatementSplitter::isCreateRoutine));

    /** CREATE [OR REPLACE] FUNCTION | PROCEDURE. */
    private static boolean isCreateRoutine(List<String> words) {
        if (words.isEmpty() || !words.get(0).equals("CREATE")) {
            return false;
        }
        int i = words.size() > 2 && words.get(1).equals("OR") && words.get(2).equals("REPLACE") ? 3 : 1;
        return words.size() > i && (words.get(i).equals("FUNCTION") || words.get(i).equals("PROCEDURE"));
    }

    @Override
    public List<SqlStatement> split(String script) {
        return SPLITTER.split(script);
    }
}
