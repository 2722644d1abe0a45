package dev.godwit.model;

import java.util.Objects;
import java.util.Optional;

/**
 * A table column.
 *
 * @param name       the column name
 * @param type       its type
 * @param nullable   false for NOT NULL
 * @param defaultExpression the default as the database prints it, when there is one (not for identity columns)
 * @param identity   GENERATED ... AS IDENTITY, when the column is one
 * @param generated  the expression of a GENERATED ALWAYS AS (...) STORED column
 * @param collation  the collation, when it is not the type's default
 * @param comment    COMMENT ON COLUMN
 */
public record Column(String name, DataType type, boolean nullable, Optional<String> defaultExpression,
                     Optional<Identity> identity, Optional<String> generated, Optional<String> collation,
                     Optional<String> comment) {

    public Column {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        defaultExpression = defaultExpression == null ? Optional.empty() : defaultExpression;
        identity = identity == null ? Optional.empty() : identity;
        generated = generated == null ? Optional.empty() : generated;
        collation = collation == null ? Optional.empty() : collation;
        comment = comment == null ? Optional.empty() : comment;
    }

    /** A plain nullable column. */
    public static Column of(String name, DataType type) {
        return new Column(name, type, true, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty());
    }

    /**
     * An identity column.
     *
     * @param always     GENERATED ALWAYS (true) or BY DEFAULT (false)
     * @param sequence   the options of its implicit sequence, as the database prints them
     */
    public record Identity(boolean always, Optional<String> sequence) {
        public Identity {
            sequence = sequence == null ? Optional.empty() : sequence;
        }
    }
}
