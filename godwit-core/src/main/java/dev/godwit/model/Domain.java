package dev.godwit.model;

import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** A domain: a type with a default, NOT NULL and checks. */
public record Domain(QualifiedName name, DataType type, boolean notNull, Optional<String> defaultExpression,
                     Optional<String> collation, List<Check> checks, Optional<String> comment) {

    public Domain {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        defaultExpression = defaultExpression == null ? Optional.empty() : defaultExpression;
        collation = collation == null ? Optional.empty() : collation;
        checks = Lists.sorted(checks, Comparator.comparing(Check::name));
        comment = comment == null ? Optional.empty() : comment;
    }
}
