package dev.godwit.model;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A composite type ({@code CREATE TYPE ... AS (...)}): its attributes in declared order, each kept as a column
 * (name, type, collation; never NOT NULL or defaulted, which composite attributes cannot be).
 */
public record CompositeType(QualifiedName name, List<Column> attributes, Optional<String> comment) {

    public CompositeType {
        Objects.requireNonNull(name, "name");
        attributes = Lists.copy(attributes);
        comment = comment == null ? Optional.empty() : comment;
    }
}
