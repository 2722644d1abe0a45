package dev.godwit.model;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * An index that is not the implementation of a primary key or unique constraint.
 *
 * @param method     the access method ({@code btree}, {@code gin}, ...)
 * @param keys       the key parts in order: columns or expressions, with their ordering
 * @param include    INCLUDE columns
 * @param where      the predicate of a partial index
 * @param definition the whole definition as the database prints it ({@code pg_get_indexdef}, SQLite's SQL), verbatim
 */
public record Index(String name, boolean unique, String method, List<Key> keys, List<String> include,
                   Optional<String> where, String definition) {

    public Index {
        Objects.requireNonNull(name, "name");
        method = method == null ? "btree" : method;
        keys = Lists.copy(keys);
        include = Lists.copy(include);
        where = where == null ? Optional.empty() : where;
        definition = definition == null ? "" : definition;
    }

    /**
     * One key part.
     *
     * @param column     the column, when the key is a plain column
     * @param expression the expression, when it is not
     * @param descending DESC
     * @param nullsFirst NULLS FIRST (when not the default for the direction)
     */
    public record Key(Optional<String> column, Optional<String> expression, boolean descending,
                      boolean nullsFirst) {
        public Key {
            column = column == null ? Optional.empty() : column;
            expression = expression == null ? Optional.empty() : expression;
        }

        public static Key column(String name) {
            return new Key(Optional.of(name), Optional.empty(), false, false);
        }
    }
}
