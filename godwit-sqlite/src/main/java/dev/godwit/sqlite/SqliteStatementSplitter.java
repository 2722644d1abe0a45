package dev.godwit.sqlite;

import dev.godwit.dialect.ScriptSplitter;
import dev.godwit.dialect.SplitterSyntax;
import dev.godwit.dialect.SplitterSyntax.BackslashEscapes;
import dev.godwit.dialect.SqlStatement;
import dev.godwit.dialect.StatementSplitter;
import java.util.List;

/**
 * SQLite's lexical rules: {@code "x"}, {@code `x`} and {@code [x]} quote identifiers, block comments do not nest,
 * and a trigger body {@code BEGIN ... END} holds semicolons that do not end the {@code CREATE TRIGGER}.
 */
final class SqliteStatementSplitter implements StatementSplitter {

    private static final ScriptSplitter SPLITTER = new ScriptSplitter(new SplitterSyntax(false, false,
            BackslashEscapes.NEVER, true, true, SqliteStatementSplitter::isCreateTrigger));

    /** CREATE [TEMP | TEMPORARY] TRIGGER. */
    private static boolean isCreateTrigger(List<String> words) {
        if (words.size() < 2 || !words.get(0).equals("CREATE")) {
            return false;
        }
        String second = words.get(1);
        return second.equals("TRIGGER")
                || ((second.equals("TEMP") || second.equals("TEMPORARY")) && words.size() > 2
                && words.get(2).equals("TRIGGER"));
    }

    @Override
    public List<SqlStatement> split(String script) {
        return SPLITTER.split(script);
    }
}
