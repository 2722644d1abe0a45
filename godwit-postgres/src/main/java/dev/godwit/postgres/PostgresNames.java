package dev.godwit.postgres;

import dev.godwit.model.QualifiedName;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Identifiers as PostgreSQL needs them written: bare when they are lower-case, simple and not reserved (so DDL reads
 * like a person wrote it), double-quoted otherwise.
 */
final class PostgresNames {

    private static final Pattern SIMPLE = Pattern.compile("[a-z_][a-z0-9_$]*");
    /** PostgreSQL's reserved key words, including those allowed only as function or type names. */
    private static final Set<String> RESERVED = Set.of("all", "analyse", "analyze", "and", "any", "array", "as",
            "asc", "asymmetric", "authorization", "binary", "both", "case", "cast", "check", "collate", "collation",
            "column", "concurrently", "constraint", "create", "cross", "current_catalog", "current_date",
            "current_role", "current_schema", "current_time", "current_timestamp", "current_user", "default",
            "deferrable", "desc", "distinct", "do", "else", "end", "except", "false", "fetch", "for", "foreign",
            "freeze", "from", "full", "grant", "group", "having", "ilike", "in", "initially", "inner", "intersect",
            "into", "is", "isnull", "join", "lateral", "leading", "left", "like", "limit", "localtime",
            "localtimestamp", "natural", "not", "notnull", "null", "offset", "on", "only", "or", "order", "outer",
            "overlaps", "placing", "primary", "references", "returning", "right", "select", "session_user",
            "similar", "some", "symmetric", "system_user", "table", "tablesample", "then", "to", "trailing", "true",
            "union", "unique", "user", "using", "variadic", "verbose", "when", "where", "window", "with");

    private PostgresNames() {
    }

    static String quote(String identifier) {
        if (SIMPLE.matcher(identifier).matches() && !RESERVED.contains(identifier)) {
            return identifier;
        }
        return "\"" + identifier.replace("\"", "\"\"") + "\"";
    }

    static String quote(QualifiedName name) {
        return name.schema() == null ? quote(name.name()) : quote(name.schema()) + "." + quote(name.name());
    }

    static String columns(List<String> names) {
        return names.stream().map(PostgresNames::quote).collect(Collectors.joining(", "));
    }

    static String literal(String text) {
        return "'" + text.replace("'", "''") + "'";
    }
}
