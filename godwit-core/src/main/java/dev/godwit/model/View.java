package dev.godwit.model;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A view or materialized view.
 *
 * @param definition the SELECT as the database prints it ({@code pg_get_viewdef}), verbatim
 * @param dependsOn  the tables and views it reads, sorted
 * @param indexes    indexes of a materialized view, sorted by name
 * @param triggers   triggers on the view (PostgreSQL INSTEAD OF), sorted by name
 * @param columnComments COMMENT ON COLUMN of the view's columns, by column name
 */
public record View(QualifiedName name, boolean materialized, String definition, List<QualifiedName> dependsOn,
                   List<Index> indexes, Optional<String> comment, List<Trigger> triggers,
                   Map<String, String> columnComments) {

    public View {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(definition, "definition");
        dependsOn = Lists.sorted(dependsOn, Comparator.naturalOrder());
        indexes = Lists.sorted(indexes, Comparator.comparing(Index::name));
        comment = comment == null ? Optional.empty() : comment;
        triggers = Lists.sorted(triggers, Comparator.comparing(Trigger::name));
        columnComments = Lists.sorted(columnComments);
    }

    /** A view without column comments. */
    public View(QualifiedName name, boolean materialized, String definition, List<QualifiedName> dependsOn,
                List<Index> indexes, Optional<String> comment, List<Trigger> triggers) {
        this(name, materialized, definition, dependsOn, indexes, comment, triggers, Map.of());
    }

    /** A view without triggers. */
    public View(QualifiedName name, boolean materialized, String definition, List<QualifiedName> dependsOn,
                List<Index> indexes, Optional<String> comment) {
        this(name, materialized, definition, dependsOn, indexes, comment, List.of(), Map.of());
    }
}
