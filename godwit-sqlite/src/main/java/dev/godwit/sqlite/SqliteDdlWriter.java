package dev.godwit.sqlite;

import dev.godwit.model.Check;
import dev.godwit.model.Column;
import dev.godwit.model.Domain;
import dev.godwit.model.EnumType;
import dev.godwit.model.Extension;
import dev.godwit.model.ForeignKey;
import dev.godwit.model.Index;
import dev.godwit.model.QualifiedName;
import dev.godwit.model.Routine;
import dev.godwit.model.Schema;
import dev.godwit.model.Sequence;
import dev.godwit.model.Table;
import dev.godwit.model.Trigger;
import dev.godwit.model.UniqueConstraint;
import dev.godwit.model.View;
import dev.godwit.plan.DdlWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * SQLite DDL for model objects. SQLite cannot add a foreign key to an existing table, so foreign keys are part of
 * CREATE TABLE (SQLite does not check that the referenced table exists until a row is written). It has no schemas
 * beyond attached databases, no sequences, enums, domains, routines or comments: those write nothing.
 */
final class SqliteDdlWriter implements DdlWriter {

    private static final Pattern SIMPLE = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    /** A default SQLite accepts without parentheses: a number, a string, NULL, TRUE/FALSE, CURRENT_*. */
    private static final Pattern LITERAL = Pattern.compile(
            "(?i)[+-]?\\d+(\\.\\d+)?([eE][+-]?\\d+)?|'([^']|'')*'|x'[0-9a-f]*'|null|true|false"
                    + "|current_(time|date|timestamp)|\\(.*\\)");
    private static final java.util.Set<String> RESERVED = java.util.Set.of("abort", "action", "add", "all", "alter",
            "and", "as", "asc", "between", "by", "case", "check", "collate", "column", "commit", "constraint",
            "create", "cross", "default", "delete", "desc", "distinct", "drop", "else", "end", "escape", "except",
            "exists", "foreign", "from", "full", "group", "having", "in", "index", "inner", "insert", "intersect",
            "into", "is", "isnull", "join", "key", "left", "like", "limit", "match", "natural", "not", "notnull",
            "null", "of", "offset", "on", "or", "order", "outer", "primary", "references", "right", "select", "set",
            "table", "then", "to", "transaction", "trigger", "union", "unique", "update", "using", "values", "view",
            "when", "where", "with");

    static String quote(String identifier) {
        return SIMPLE.matcher(identifier).matches() && !RESERVED.contains(identifier.toLowerCase(Locale.ROOT))
                ? identifier : "\"" + identifier.replace("\"", "\"\"") + "\"";
    }

    static String quote(QualifiedName name) {
        return name.schema() == null || name.schema().equals("main") ? quote(name.name())
                : quote(name.schema()) + "." + quote(name.name());
    }

    static String columns(List<String> names) {
        return names.stream().map(SqliteDdlWriter::quote).collect(Collectors.joining(", "));
    }

    @Override
    public List<String> preamble() {
        return List.of();
    }

    @Override
    public List<String> createSchema(Schema schema) {
        return List.of();
    }

    @Override
    public List<String> createExtension(Extension extension) {
        return List.of();
    }

    @Override
    public List<String> createEnum(EnumType type) {
        return List.of();
    }

    @Override
    public List<String> createDomain(Domain domain) {
        return List.of();
    }

    @Override
    public List<String> createSequence(Sequence sequence) {
        return List.of();
    }

    @Override
    public List<String> createTable(Table table) {
        return List.of(createTable(table, table.name()));
    }

    /**
     * The CREATE TABLE of {@code table} under the name {@code as} (a rebuild's temporary table): constraint names
     * that SQLite would generate for {@code table} stay unwritten, so they are generated again after the rename.
     */
    static String createTable(Table table, QualifiedName as) {
        String virtual = table.attributes().get("virtual");
        if (virtual != null) {
            return virtual;
        }
        String autoincrement = table.attributes().get("autoincrement");
        List<String> parts = new ArrayList<>();
        for (Column c : table.columns()) {
            parts.add(column(c, c.name().equals(autoincrement) ? table.primaryKey().map(pk -> pk.name()).orElse("")
                    : null)
                    + ("true".equals(table.attributes().get("stored." + c.name())) ? " STORED" : ""));
        }
        table.primaryKey().filter(pk -> autoincrement == null).ifPresent(pk -> parts.add(
                (pk.name().isEmpty() ? "" : "CONSTRAINT " + quote(pk.name()) + " ") + "PRIMARY KEY ("
                        + columns(pk.columns()) + ")"));
        for (UniqueConstraint u : table.uniqueConstraints()) {
            parts.add((u.name().startsWith("sqlite_autoindex_") ? "" : "CONSTRAINT " + quote(u.name()) + " ")
                    + "UNIQUE (" + columns(u.columns()) + ")");
        }
        for (Check c : table.checks()) {
            String e = c.expression().strip();
            parts.add("CONSTRAINT " + quote(c.name()) + " "
                    + (e.toUpperCase(Locale.ROOT).startsWith("CHECK") ? e : "CHECK (" + e + ")"));
        }
        for (ForeignKey fk : table.foreignKeys()) {
            parts.add(constraintName(table, fk) + "FOREIGN KEY (" + columns(fk.columns()) + ") " + references(fk));
        }
        List<String> options = new ArrayList<>();
        if ("true".equals(table.attributes().get("without_rowid"))) {
            options.add("WITHOUT ROWID");
        }
        if ("true".equals(table.attributes().get("strict"))) {
            options.add("STRICT");
        }
        return "CREATE TABLE " + quote(as) + " (\n    " + String.join(",\n    ", parts) + "\n)"
                + (options.isEmpty() ? "" : " " + String.join(", ", options));
    }

    /** {@code CONSTRAINT name } for a foreign key, or nothing when the name is the one the inspector generates. */
    static String constraintName(Table table, ForeignKey fk) {
        String generated = table.name().name() + "_" + String.join("_", fk.columns()) + "_fkey";
        return fk.name().equals(generated) ? "" : "CONSTRAINT " + quote(fk.name()) + " ";
    }

    /** The REFERENCES clause of a foreign key, with its actions and deferrability. */
    static String references(ForeignKey fk) {
        return "REFERENCES " + quote(fk.referencedTable().name()) + " (" + columns(fk.referencedColumns()) + ")"
                + action("UPDATE", fk.onUpdate()) + action("DELETE", fk.onDelete()) + switch (fk.deferrable()) {
                    case NOT_DEFERRABLE -> "";
                    case DEFERRABLE_INITIALLY_IMMEDIATE -> " DEFERRABLE INITIALLY IMMEDIATE";
                    case DEFERRABLE_INITIALLY_DEFERRED -> " DEFERRABLE INITIALLY DEFERRED";
                };
    }

    /** A column; {@code autoincrementKey}: the primary key name ("" for none) on an AUTOINCREMENT column, or null. */
    static String column(Column c, String autoincrementKey) {
        StringBuilder sql = new StringBuilder(quote(c.name()));
        if (!c.type().raw().isBlank()) {
            sql.append(' ').append(c.type().raw());
        }
        if (autoincrementKey != null) {
            sql.append(autoincrementKey.isEmpty() ? "" : " CONSTRAINT " + quote(autoincrementKey))
                    .append(" PRIMARY KEY AUTOINCREMENT");
        }
        if (!c.nullable()) {
            sql.append(" NOT NULL");
        }
        c.defaultExpression().ifPresent(d -> sql.append(" DEFAULT ")
                .append(LITERAL.matcher(d.strip()).matches() ? d.strip() : "(" + d.strip() + ")"));
        c.collation().ifPresent(col -> sql.append(" COLLATE ").append(col));
        c.generated().ifPresent(g -> sql.append(" GENERATED ALWAYS AS (").append(g).append(')'));
        return sql.toString();
    }

    private static String action(String event, ForeignKey.Action action) {
        return action == ForeignKey.Action.NO_ACTION ? "" : " ON " + event + " " + action.name().replace('_', ' ');
    }

    @Override
    public List<String> addForeignKey(Table table, ForeignKey foreignKey) {
        return List.of();
    }

    @Override
    public List<String> createIndex(Table table, Index index) {
        if (index.definition().toUpperCase(Locale.ROOT).startsWith("CREATE")) {
            return List.of(index.definition());
        }
        String keys = index.keys().stream().map(k -> k.column().map(SqliteDdlWriter::quote)
                .orElseGet(() -> k.expression().orElseThrow()) + (k.descending() ? " DESC" : ""))
                .collect(Collectors.joining(", "));
        return List.of("CREATE " + (index.unique() ? "UNIQUE " : "") + "INDEX " + quote(index.name()) + " ON "
                + quote(table.name()) + " (" + keys + ")" + index.where().map(w -> " WHERE " + w).orElse(""));
    }

    @Override
    public List<String> createRoutine(Routine routine) {
        return List.of();
    }

    @Override
    public List<String> createView(View view) {
        String definition = view.definition().strip();
        return List.of(definition.toUpperCase(Locale.ROOT).startsWith("CREATE") ? definition
                : "CREATE VIEW " + quote(view.name()) + " AS " + definition);
    }

    @Override
    public List<String> createTrigger(Table table, Trigger trigger) {
        return List.of(trigger.definition().strip());
    }

    @Override
    public List<String> afterTables(Sequence sequence) {
        return List.of();
    }

    @Override
    public List<String> comments(Table table) {
        return List.of();
    }
}
