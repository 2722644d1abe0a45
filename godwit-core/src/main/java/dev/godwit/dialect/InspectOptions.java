package dev.godwit.dialect;

import dev.godwit.model.QualifiedName;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What an {@link Inspector} reads.
 *
 * @param schemas      the schemas to read; empty means the connection's current schema (PostgreSQL) or
 *                     {@code main} (SQLite); {@value #EVERY_SCHEMA} alone means every schema but the system's
 * @param include      glob patterns ({@code *}, {@code ?}) an object name must match, when not empty
 * @param exclude      glob patterns that leave an object out
 * @param historyTable Godwit's own history table, always left out
 */
public record InspectOptions(List<String> schemas, List<String> include, List<String> exclude,
                             Optional<QualifiedName> historyTable) {

    public InspectOptions {
        schemas = schemas == null ? List.of() : List.copyOf(schemas);
        include = include == null ? List.of() : List.copyOf(include);
        exclude = exclude == null ? List.of() : List.copyOf(exclude);
        historyTable = historyTable == null ? Optional.empty() : historyTable;
    }

    /** The schema list that selects every user schema. */
    public static final String EVERY_SCHEMA = "*";

    /** Everything in every user schema except the default history table: what a whole-database diff compares. */
    public static InspectOptions everySchema() {
        return new InspectOptions(List.of(EVERY_SCHEMA), List.of(), List.of(),
                Optional.of(QualifiedName.unqualified("godwit_history")));
    }

    /** Everything in the default schema except the default history table. */
    public static InspectOptions defaults() {
        return new InspectOptions(List.of(), List.of(), List.of(),
                Optional.of(QualifiedName.unqualified("godwit_history")));
    }

    /** True when an object of this name is to be read. */
    public boolean selects(String schema, String name) {
        if (historyTable.isPresent() && historyTable.get().name().equals(name)
                && (historyTable.get().schema() == null || historyTable.get().schema().equals(schema))) {
            return false;
        }
        if (!include.isEmpty() && include.stream().noneMatch(p -> glob(p).matcher(name).matches())) {
            return false;
        }
        return exclude.stream().noneMatch(p -> glob(p).matcher(name).matches());
    }

    private static Pattern glob(String pattern) {
        StringBuilder regex = new StringBuilder();
        for (char c : pattern.toCharArray()) {
            switch (c) {
                case '*' -> regex.append(".*");
                case '?' -> regex.append('.');
                default -> regex.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return Pattern.compile(regex.toString());
    }
}
