package dev.godwit.migrate;

import dev.godwit.dialect.ScriptException;
import dev.godwit.dialect.SqlStatement;
import dev.godwit.error.ErrorCode;
import dev.godwit.error.GodwitException;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/** A callback written as a SQL file named after its event ({@code beforeMigrate.sql}). */
final class SqlCallback implements Callback {

    private final Event event;
    private final String location;
    private final String text;

    SqlCallback(Event event, String location, String text) {
        this.event = event;
        this.location = location;
        this.text = text.startsWith("\uFEFF") ? text.substring(1) : text;
    }

    @Override
    public void handle(Event happening, Context context) throws SQLException {
        if (happening != event) {
            return;
        }
        List<SqlStatement> statements;
        try {
            statements = context.dialect().splitter().split(text);
        } catch (ScriptException e) {
            throw new GodwitException(ErrorCode.MIGRATION_SOURCE, location + ":" + e.line() + ": " + e.problem()
                    + ". Close it, or check for a stray quote.", e);
        }
        try (Statement s = context.connection().createStatement()) {
            for (SqlStatement statement : statements) {
                try {
                    s.execute(statement.sql());
                } catch (SQLException e) {
                    throw new SQLException("statement at " + location + ":" + statement.line() + ": "
                            + context.dialect().describe(e), e.getSQLState(), e);
                }
            }
        }
    }

    @Override
    public String toString() {
        return location;
    }
}
