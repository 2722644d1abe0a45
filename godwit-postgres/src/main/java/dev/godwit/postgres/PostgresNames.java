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

    /**
     * Key words that may be column names but not function or type names (COL_NAME_KEYWORD in PostgreSQL 14 to 17's
     * kwlist.h; the json ones from 16, json_exists to merge_action from 17). quote_ident quotes these too.
     */
    private static final Set<String> COLUMN_NAME_KEYWORDS = Set.of("between", "bigint", "bit", "boolean", "char",
            "character", "coalesce", "dec", "decimal", "exists", "extract", "float", "greatest", "grouping", "inout",
            "int", "integer", "interval", "json", "json_array", "json_arrayagg", "json_exists", "json_object",
            "json_objectagg", "json_query", "json_scalar", "json_serialize", "json_table", "json_value", "least",
            "merge_action", "national", "nchar", "none", "normalize", "nullif", "numeric", "out", "overlay",
            "position", "precision", "real", "row", "setof", "smallint", "substring", "time", "timestamp", "treat",
            "trim", "values", "varchar", "xmlattributes", "xmlconcat", "xmlelement", "xmlexists", "xmlforest",
            "xmlnamespaces", "xmlparse", "xmlpi", "xmlroot", "xmlserialize", "xmltable");
    private static final Pattern QUOTE_IDENT_SAFE = Pattern.compile("[a-z_][a-z0-9_]*");

    private PostgresNames() {
    }

    /**
     * An identifier as the server's quote_ident (ruleutils' quote_identifier) prints it, or null for a key word that
     * is not unreserved (in some version from 14 on): the server quotes those, and which words they are depends on
     * its version, so the caller leaves such a name to the server. Unlike {@link #quote(String)}, a {@code $} makes
     * the server quote a name.
     */
    static String quoteAsServer(String identifier) {
        if (!QUOTE_IDENT_SAFE.matcher(identifier).matches()) {
            return doubleQuoted(identifier);
        }
        return RESERVED.contains(identifier) || COLUMN_NAME_KEYWORDS.contains(identifier) ? null : identifier;
    }

    static String quote(String identifier) {
        if (SIMPLE.matcher(identifier).matches() && !RESERVED.contains(identifier)) {
            return identifier;
        }
        return doubleQuoted(identifier);
    }

    private static String doubleQuoted(String identifier) {
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
