package dev.godwit.model;

import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** One schema's objects, each list sorted by name. */
public record Schema(String name, List<Table> tables, List<View> views, List<Sequence> sequences,
                     List<EnumType> enums, List<Domain> domains, List<Routine> routines, Optional<String> comment,
                     List<CompositeType> compositeTypes) {

    public Schema {
        Objects.requireNonNull(name, "name");
        tables = Lists.sorted(tables, Comparator.comparing(Table::name));
        views = Lists.sorted(views, Comparator.comparing(View::name));
        sequences = Lists.sorted(sequences, Comparator.comparing(Sequence::name));
        enums = Lists.sorted(enums, Comparator.comparing(EnumType::name));
        domains = Lists.sorted(domains, Comparator.comparing(Domain::name));
        routines = Lists.sorted(routines, Comparator.comparing(Routine::name).thenComparing(Routine::signature));
        comment = comment == null ? Optional.empty() : comment;
        compositeTypes = Lists.sorted(compositeTypes, Comparator.comparing(CompositeType::name));
    }

    /** A schema without composite types. */
    public Schema(String name, List<Table> tables, List<View> views, List<Sequence> sequences, List<EnumType> enums,
                  List<Domain> domains, List<Routine> routines, Optional<String> comment) {
        this(name, tables, views, sequences, enums, domains, routines, comment, List.of());
    }

    /** The table with this (unqualified) name. */
    public Optional<Table> table(String tableName) {
        return tables.stream().filter(t -> t.name().name().equals(tableName)).findFirst();
    }
}
