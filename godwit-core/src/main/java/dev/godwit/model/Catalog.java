package dev.godwit.model;

import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A database's schema as data: what an Inspector reads, a snapshot stores and the differ compares.
 *
 * @param dialect    the dialect it was read from ({@code postgres}, {@code sqlite})
 * @param schemas    sorted by name
 * @param extensions sorted by name
 */
public record Catalog(String dialect, List<Schema> schemas, List<Extension> extensions) {

    public Catalog {
        Objects.requireNonNull(dialect, "dialect");
        schemas = Lists.sorted(schemas, Comparator.comparing(Schema::name));
        extensions = Lists.sorted(extensions, Comparator.comparing(Extension::name));
    }

    public Optional<Schema> schema(String name) {
        return schemas.stream().filter(s -> s.name().equals(name)).findFirst();
    }

    /** The table with this name; an unqualified name is looked up in every schema. */
    public Optional<Table> table(QualifiedName name) {
        return schemas.stream()
                .filter(s -> name.schema() == null || s.name().equals(name.schema()))
                .flatMap(s -> s.tables().stream())
                .filter(t -> t.name().name().equals(name.name()))
                .findFirst();
    }
}
