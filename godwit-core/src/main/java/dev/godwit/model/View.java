package dev.godwit.model;

import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A view or materialized view.
 *
 * @param definition the SELECT as the database prints it ({@code pg_get_viewdef}), verbatim
 * @param dependsOn  the tables and views it reads, sorted
 * @param indexes    indexes of a materialized view, sorted by name
 */
public record View(QualifiedName name, boolean materialized, String definition, List<QualifiedName> dependsOn,
                   List<Index> indexes, Optional<String> comment) {

    public View {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(definition, "definition");
        dependsOn = Lists.sorted(dependsOn, Comparator.naturalOrder());
        indexes = Lists.sorted(indexes, Comparator.comparing(Index::name));
        comment = comment == null ? Optional.empty() : comment;
    }
}
