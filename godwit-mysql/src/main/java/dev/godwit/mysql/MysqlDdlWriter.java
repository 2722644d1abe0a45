package dev.godwit.mysql;

import static dev.godwit.mysql.MysqlNames.columns;
import static dev.godwit.mysql.MysqlNames.literal;
import static dev.godwit.mysql.MysqlNames.quote;

import dev.godwit.model.Check;
import dev.godwit.model.Column;
import dev.godwit.model.Domain;
import dev.godwit.model.EnumType;
import dev.godwit.model.Extension;
import dev.godwit.model.ForeignKey;
import dev.godwit.model.Index;
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
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * MySQL DDL for model objects, for the connection's current database: tables are written unqualified (a MySQL
 * schema is a database, and the script is run in the one it is meant for); only a foreign key to a table of another
 * database names it. Views, routines, triggers and indexes are written from the definitions the inspector kept.
 * MySQL has no sequences (MariaDB's are not read yet), enums as types, domains or extensions, and comments live in
 * the CREATE TABLE, so those methods return nothing.
 */
final class MysqlDdlWriter implements DdlWriter {

    /** {@code CREATE [UNIQUE | FULLTEXT | SPATIAL] INDEX `name` ON `table` rest}, as the inspector writes it. */
    private static final Pattern CREATE_INDEX = Pattern.compile(
            "(?s)CREATE ((?:UNIQUE |FULLTEXT |SPATIAL )?)INDEX (`(?:[^`]|``)+`) ON `(?:[^`]|``)+` (.*)");

    @Override
    public List<String> preamble() {
        return List.of();
    }

    /** Nothing: the database is the one the script runs in. */
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

    /**
     * The table with its columns, keys and checks. An index named like one of the table's foreign keys is declared
     * here too: it is the index MySQL made for that key, and MySQL would make it again, under the same name, when
     * the key is added, before a separate CREATE INDEX could.
     */
    @Override
    public List<String> createTable(Table table) {
        List<String> parts = new ArrayList<>();
        table.columns().forEach(c -> parts.add(column(table, c)));
        table.primaryKey().ifPresent(pk -> parts.add("PRIMARY KEY (" + columns(pk.columns()) + ")"));
        for (UniqueConstraint u : table.uniqueConstraints()) {
            parts.add("UNIQUE KEY " + quote(u.name()) + " (" + columns(u.columns()) + ")");
        }
        table.indexes().stream().filter(i -> supportsForeignKey(table, i)).forEach(i -> parts.add(inline(table, i)));
        table.checks().forEach(c -> parts.add("CONSTRAINT " + quote(c.name()) + " " + check(c)));
        return List.of("CREATE TABLE " + quote(table.name().name()) + " (\n    " + String.join(",\n    ", parts)
                + "\n)" + options(table));
    }

    private static String column(Table table, Column c) {
        StringBuilder sql = new StringBuilder(quote(c.name())).append(' ').append(c.type().raw());
        c.collation().ifPresent(col -> sql.append(" COLLATE ").append(col));
        Map<String, String> attributes = table.attributes();
        String prefix = "column." + c.name() + ".";
        c.generated().ifPresent(g -> sql.append(" GENERATED ALWAYS AS (").append(g).append(") ")
                .append(attributes.getOrDefault(prefix + "storage", "STORED")));
        if (!c.nullable()) {
            sql.append(" NOT NULL");
        } else if (c.generated().isEmpty()) {
            // Explicit NULL: without it, a TIMESTAMP column is NOT NULL where explicit_defaults_for_timestamp is
            // off. A generated column takes none (MariaDB refuses NULL there).
            sql.append(" NULL");
        }
        c.defaultExpression().ifPresent(d -> sql.append(" DEFAULT ").append(d));
        if (attributes.containsKey(prefix + "on_update")) {
            sql.append(" ON UPDATE ").append(attributes.get(prefix + "on_update"));
        }
        if (c.identity().isPresent()) {
            sql.append(" AUTO_INCREMENT");
        }
        if (attributes.containsKey(prefix + "invisible")) {
            sql.append(" INVISIBLE");
        }
        c.comment().ifPresent(comment -> sql.append(" COMMENT ").append(literal(comment)));
        return sql.toString();
    }

    private static String options(Table table) {
        StringBuilder sql = new StringBuilder();
        Map<String, String> attributes = table.attributes();
        if (attributes.containsKey("engine")) {
            sql.append(" ENGINE = ").append(attributes.get("engine"));
        }
        if (attributes.containsKey("collation")) {
            sql.append(" COLLATE = ").append(attributes.get("collation"));
        }
        if (attributes.containsKey("row_format")) {
            sql.append(" ROW_FORMAT = ").append(attributes.get("row_format"));
        }
        table.comment().ifPresent(c -> sql.append(" COMMENT = ").append(literal(c)));
        return sql.toString();
    }

    /** The model keeps what the catalog prints: the bare expression, or {@code CHECK (...)}. */
    private static String check(Check check) {
        String e = check.expression().strip();
        return e.toUpperCase(Locale.ROOT).startsWith("CHECK") ? e : "CHECK (" + e + ")";
    }

    @Override
    public List<String> addForeignKey(Table table, ForeignKey fk) {
        String referenced = fk.referencedTable().schema() == null
                || fk.referencedTable().schema().equals(table.name().schema()) ? quote(fk.referencedTable().name())
                : quote(fk.referencedTable().schema()) + "." + quote(fk.referencedTable().name());
        return List.of("ALTER TABLE " + quote(table.name().name()) + " ADD CONSTRAINT " + quote(fk.name())
                + " FOREIGN KEY (" + columns(fk.columns()) + ") REFERENCES " + referenced + " ("
                + columns(fk.referencedColumns()) + ")" + action("DELETE", fk.onDelete())
                + action("UPDATE", fk.onUpdate()));
    }

    /**
     * Always written: the servers disagree on what an omitted action is reported as (MariaDB says RESTRICT, MySQL
     * NO ACTION), though both behave the same; spelled out, each reads back as written.
     */
    private static String action(String event, ForeignKey.Action action) {
        return " ON " + event + " " + action.name().replace('_', ' ');
    }

    @Override
    public List<String> createIndex(Table table, Index index) {
        if (supportsForeignKey(table, index)) {
            return List.of();
        }
        return List.of(index.definition().toUpperCase(Locale.ROOT).startsWith("CREATE") ? index.definition()
                : "CREATE " + (index.unique() ? "UNIQUE " : "") + "INDEX " + quote(index.name()) + " ON "
                + quote(table.name().name()) + " (" + keys(index) + ")");
    }

    private static boolean supportsForeignKey(Table table, Index index) {
        return table.foreignKeys().stream().anyMatch(fk -> fk.name().equals(index.name()));
    }

    /** An index as a clause of CREATE TABLE: {@code [UNIQUE | FULLTEXT | SPATIAL] KEY `name` (...)}. */
    private static String inline(Table table, Index index) {
        Matcher m = CREATE_INDEX.matcher(index.definition());
        return m.matches() ? m.group(1) + "KEY " + m.group(2) + " " + m.group(3)
                : (index.unique() ? "UNIQUE " : "") + "KEY " + quote(index.name()) + " (" + keys(index) + ")";
    }

    private static String keys(Index index) {
        return index.keys().stream().map(k -> k.column().map(MysqlNames::quote)
                        .orElseGet(() -> "(" + k.expression().orElseThrow() + ")") + (k.descending() ? " DESC" : ""))
                .collect(Collectors.joining(", "));
    }

    @Override
    public List<String> createRoutine(Routine routine) {
        return List.of(routine.definition().strip());
    }

    @Override
    public List<String> createView(View view) {
        String definition = view.definition().strip();
        return List.of(definition.toUpperCase(Locale.ROOT).startsWith("CREATE") ? definition
                : "CREATE VIEW " + quote(view.name().name()) + " AS " + definition);
    }

    @Override
    public List<String> createTrigger(Table table, Trigger trigger) {
        return List.of(trigger.definition().strip());
    }

    @Override
    public List<String> afterTables(Sequence sequence) {
        return List.of();
    }

    /** Nothing: table and column comments are part of CREATE TABLE. */
    @Override
    public List<String> comments(Table table) {
        return List.of();
    }
}
