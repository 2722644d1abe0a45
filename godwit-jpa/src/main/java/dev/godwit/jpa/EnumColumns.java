package dev.godwit.jpa;

import dev.godwit.model.DataType;
import dev.godwit.model.EnumType;
import dev.godwit.model.QualifiedName;
import jakarta.persistence.Enumerated;
import java.lang.reflect.Field;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Enum attributes. {@code @Enumerated(STRING)}: a {@code varchar} with a CHECK listing the labels; ordinal (JPA's
 * default): the smallest integer type with a CHECK on the range, both as Hibernate 6 makes them. With
 * {@code enums=native} on PostgreSQL, a STRING enum becomes a native enum type named after the Java enum in snake
 * case ({@code OrderStatus} -> {@code order_status}). CHECK expressions are written as the database prints them back
 * ({@code pg_get_constraintdef}; SQLite keeps the text), so a diff against a reflected database is empty.
 */
final class EnumColumns {

    private final boolean postgres;
    private final JpaOptions.Enums mode;
    private final JpaTypes types;
    private final Map<QualifiedName, EnumType> enumTypes = new TreeMap<>();

    EnumColumns(String dialect, JpaOptions.Enums mode, JpaTypes types) {
        this.postgres = dialect.equals("postgres");
        this.mode = mode;
        this.types = types;
    }

    List<EnumType> types() {
        return List.copyOf(enumTypes.values());
    }

    DataType column(TableDraft table, Field f, String column, JpaTypes.Shape shape) {
        Enumerated e = f.getAnnotation(Enumerated.class);
        List<String> labels = Arrays.stream(f.getType().getEnumConstants()).map(c -> ((Enum<?>) c).name()).toList();
        if (e != null && e.value() == jakarta.persistence.EnumType.STRING) {
            if (postgres && mode == JpaOptions.Enums.NATIVE) {
                QualifiedName name = QualifiedName.of(table.name().schema(),
                        JpaNames.snake(f.getType().getSimpleName()));
                enumTypes.put(name, new EnumType(name, labels, java.util.Optional.empty()));
                return DataType.of(name.toString());
            }
            // The form PostgreSQL prints back unchanged. Hibernate's `status in ('A','B')` is printed as
            // `= ANY ((ARRAY['A'::character varying, ...])::text[])`, but that text, created again, is printed in
            // this form: only this one survives create -> reflect -> create, so only it keeps generate quiet.
            table.check(column, postgres ? "CHECK (((" + column + ")::text = ANY (ARRAY["
                    + labels.stream().map(l -> "(" + quote(l) + "::character varying)::text")
                    .collect(Collectors.joining(", ")) + "])))" : column + " in (" + labels.stream()
                    .map(EnumColumns::quote).collect(Collectors.joining(",")) + ")");
            return types.enumString(shape);
        }
        int max = labels.size() - 1;
        table.check(column, postgres ? "CHECK (((" + column + " >= 0) AND (" + column + " <= " + max + ")))"
                : column + " between 0 and " + max);
        return types.enumOrdinal();
    }

    private static String quote(String label) {
        return "'" + label.replace("'", "''") + "'";
    }
}
