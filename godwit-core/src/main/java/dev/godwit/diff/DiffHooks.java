package dev.godwit.diff;

import dev.godwit.model.DataType;
import dev.godwit.model.Equivalence;
import dev.godwit.model.Table;
import java.util.Locale;
import java.util.Optional;

/**
 * What a dialect tells the differ about meaning: when two types, defaults or expressions are the same although
 * spelled differently, and which constraint names the database made up. The defaults compare the database's own
 * printed forms, which the inspectors already use ({@code format_type}, {@code pg_get_expr}), so most dialects need
 * little more than whitespace folding.
 */
public interface DiffHooks {

    DiffHooks DEFAULT = new DiffHooks() {
    };

    /** The type in the form two columns are compared by. */
    default String type(DataType type) {
        return squash(type.raw()).toLowerCase(Locale.ROOT);
    }

    /** A column default, check, generated or view expression in the form they are compared by. */
    default String expression(String expression) {
        return squash(expression);
    }

    /** The default in the form two columns are compared by; empty when it is the same as none. */
    default Optional<String> columnDefault(Optional<String> expression) {
        return expression.map(this::expression).filter(e -> !e.equalsIgnoreCase("null"));
    }

    /**
     * True when the database would have generated this constraint or index name for the table, so that a named
     * and an unnamed constraint with the same content are the same constraint.
     */
    default boolean generatedName(Table table, String name) {
        return Equivalence.generatedName(table, name);
    }

    /** Whitespace runs collapsed to one space, outer whitespace and a trailing semicolon removed. */
    static String squash(String text) {
        return Equivalence.squash(text);
    }
}
