package dev.godwit.mysql;

import dev.godwit.dialect.ScriptSplitter;
import dev.godwit.dialect.SplitterSyntax;
import dev.godwit.dialect.SplitterSyntax.BackslashEscapes;
import dev.godwit.dialect.SqlStatement;
import dev.godwit.dialect.StatementSplitter;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * MySQL's lexical rules, as the {@code mysql} client applies them: back-quoted identifiers, backslash escapes in
 * strings, {@code #} and {@code -- } comments, executable comments, the {@code DELIMITER} command, and stored-program
 * bodies ({@code CREATE TRIGGER | PROCEDURE | FUNCTION | EVENT ... BEGIN ... END}) whose semicolons do not end the
 * statement. {@link MysqlScriptMask} rewrites what the shared splitter does not know into what it does, keeping
 * every offset; each statement's text is then taken from the script at the offsets the splitter found.
 */
final class MysqlStatementSplitter implements StatementSplitter {

    private static final ScriptSplitter SPLITTER = new ScriptSplitter(new SplitterSyntax(false, false,
            BackslashEscapes.ALWAYS, true, false, MysqlStatementSplitter::isStoredProgram));
    private static final Set<String> PROGRAMS = Set.of("TRIGGER", "PROCEDURE", "FUNCTION", "EVENT");
    /** Words after CREATE that make it something other than a stored program. */
    private static final Set<String> OTHER_OBJECTS = Set.of("TABLE", "VIEW", "INDEX", "UNIQUE", "FULLTEXT", "SPATIAL",
            "TEMPORARY", "DATABASE", "SCHEMA", "SEQUENCE", "USER", "ROLE", "SERVER", "TABLESPACE", "ALGORITHM", "SQL");

    /** CREATE [OR REPLACE] [DEFINER = user] [AGGREGATE] TRIGGER | PROCEDURE | FUNCTION | EVENT. */
    private static boolean isStoredProgram(List<String> words) {
        if (words.isEmpty() || !words.get(0).equals("CREATE")) {
            return false;
        }
        for (String word : words.subList(1, words.size())) {
            if (PROGRAMS.contains(word)) {
                return true;
            }
            if (OTHER_OBJECTS.contains(word)) {
                return false;
            }
        }
        return false;
    }

    @Override
    public List<SqlStatement> split(String script) {
        MysqlScriptMask.Masked texts = MysqlScriptMask.of(script);
        List<SqlStatement> found = SPLITTER.split(texts.masked());
        List<SqlStatement> statements = new ArrayList<>(found.size());
        int cursor = 0;
        for (SqlStatement statement : found) {
            // Between two statements the masked text holds only blanks and semicolons, so the first occurrence
            // after the previous statement is this one.
            int at = texts.masked().indexOf(statement.sql(), cursor);
            cursor = at + statement.sql().length();
            statements.add(new SqlStatement(texts.sent().substring(at, cursor).strip(), statement.line(),
                    statement.essence()));
        }
        return statements;
    }
}
