package dev.godwit.postgres;

import dev.godwit.diff.DiffHooks;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * PostgreSQL's meaning rules for the differ. {@code pg_get_expr} prints a literal default with the cast the DDL
 * wrote or implied ({@code 'x'::text} or {@code 'x'::character varying} on a varchar column): the value stored in
 * the column is the same, so a literal's cast is not a difference.
 */
final class PostgresDiffHooks implements DiffHooks {

    private static final Pattern CAST_LITERAL = Pattern.compile("^('(?:[^']|'')*')::[\\w .\"]+(?:\\(\\d+(?:,\\d+)?\\))?"
            + "(?:\\[\\])*$");

    @Override
    public Optional<String> columnDefault(Optional<String> expression) {
        return DiffHooks.super.columnDefault(expression).map(e -> {
            var m = CAST_LITERAL.matcher(e);
            return m.matches() ? m.group(1) : e;
        });
    }
}
