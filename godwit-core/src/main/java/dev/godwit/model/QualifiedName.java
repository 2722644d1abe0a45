package dev.godwit.model;

import java.util.Comparator;
import java.util.Objects;
import java.util.Optional;

/**
 * A database object name with an optional schema. Names are kept exactly as given (no case folding): quoting and
 * folding are the dialect's business.
 *
 * @param schema the schema, or null when the object is unqualified (the connection's default schema)
 * @param name   the object name, never blank
 */
public record QualifiedName(String schema, String name) implements Comparable<QualifiedName> {

    private static final Comparator<QualifiedName> ORDER = Comparator
            .comparing((QualifiedName q) -> q.schema == null ? "" : q.schema)
            .thenComparing(QualifiedName::name);

    public QualifiedName {
        Objects.requireNonNull(name, "name");
        if (name.isBlank()) {
            throw new IllegalArgumentException("object name must not be blank");
        }
        if (schema != null && schema.isBlank()) {
            schema = null;
        }
    }

    public static QualifiedName of(String schema, String name) {
        return new QualifiedName(schema, name);
    }

    public static QualifiedName unqualified(String name) {
        return new QualifiedName(null, name);
    }

    /** The schema, when there is one. */
    public Optional<String> schemaName() {
        return Optional.ofNullable(schema);
    }

    @Override
    public int compareTo(QualifiedName other) {
        return ORDER.compare(this, other);
    }

    @Override
    public String toString() {
        return schema == null ? name : schema + "." + name;
    }
}
