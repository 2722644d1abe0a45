package dev.godwit.postgres;

import static dev.godwit.postgres.PostgresNames.columns;
import static dev.godwit.postgres.PostgresNames.literal;
import static dev.godwit.postgres.PostgresNames.quote;

import dev.godwit.model.Check;
import dev.godwit.model.Column;
import dev.godwit.model.CompositeType;
import dev.godwit.model.Deferrable;
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
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * PostgreSQL DDL for model objects. Objects the model keeps as the database's own definition (indexes, triggers,
 * routines, views) are written from that definition, so nothing PostgreSQL printed is re-interpreted.
 */
final class PostgresDdlWriter implements DdlWriter {

    @Override
    public List<String> preamble() {
        // As pg_dump does: a SQL function's body may name tables created later in the script.
        return List.of("SET check_function_bodies = false");
    }

    @Override
    public List<String> createSchema(Schema schema) {
        return schema.name().equals("public") ? commentOn("SCHEMA " + quote(schema.name()), schema.comment())
                : join(List.of("CREATE SCHEMA IF NOT EXISTS " + quote(schema.name())),
                commentOn("SCHEMA " + quote(schema.name()), schema.comment()));
    }

    @Override
    public List<String> createExtension(Extension extension) {
        return List.of("CREATE EXTENSION IF NOT EXISTS " + quote(extension.name())
                + (extension.schema() == null ? "" : " WITH SCHEMA " + quote(extension.schema())));
    }

    @Override
    public List<String> createEnum(EnumType type) {
        return join(List.of("CREATE TYPE " + quote(type.name()) + " AS ENUM ("
                        + type.labels().stream().map(PostgresNames::literal).collect(Collectors.joining(", ")) + ")"),
                commentOn("TYPE " + quote(type.name()), type.comment()));
    }

    @Override
    public List<String> createCompositeType(CompositeType type) {
        return join(List.of("CREATE TYPE " + quote(type.name()) + " AS (" + type.attributes().stream()
                        .map(PostgresDdlWriter::attribute).collect(Collectors.joining(", ")) + ")"),
                commentOn("TYPE " + quote(type.name()), type.comment()));
    }

    static String attribute(Column a) {
        return quote(a.name()) + " " + a.type().raw() + a.collation().map(c -> " COLLATE " + c).orElse("");
    }

    @Override
    public List<String> createDomain(Domain domain) {
        StringBuilder sql = new StringBuilder("CREATE DOMAIN ").append(quote(domain.name())).append(" AS ")
                .append(domain.type().raw());
        domain.collation().ifPresent(c -> sql.append(" COLLATE ").append(c));
        domain.defaultExpression().ifPresent(d -> sql.append(" DEFAULT ").append(d));
        if (domain.notNull()) {
            sql.append(" NOT NULL");
        }
        for (Check check : domain.checks()) {
            sql.append(" CONSTRAINT ").append(quote(check.name())).append(' ').append(check(check));
        }
        return join(List.of(sql.toString()), commentOn("DOMAIN " + quote(domain.name()), domain.comment()));
    }

    @Override
    public List<String> createSequence(Sequence s) {
        return join(List.of("CREATE SEQUENCE " + quote(s.name()) + " AS " + s.dataType() + " INCREMENT BY "
                + s.increment() + " MINVALUE " + s.min() + " MAXVALUE " + s.max() + " START WITH " + s.start()
                + " CACHE " + s.cache() + (s.cycle() ? " CYCLE" : " NO CYCLE")),
                commentOn("SEQUENCE " + quote(s.name()), s.comment()));
    }

    @Override
    public List<String> createTable(Table table) {
        if (table.partitionOf().isPresent()) {
            Table.PartitionOf of = table.partitionOf().get();
            return List.of("CREATE TABLE " + quote(table.name()) + " PARTITION OF " + quote(of.parent()) + " "
                    + of.bound() + table.partitionBy().map(p -> " PARTITION BY " + p).orElse(""));
        }
        List<String> parts = new ArrayList<>();
        table.columns().forEach(c -> parts.add(column(c)));
        table.primaryKey().ifPresent(pk -> parts.add("CONSTRAINT " + quote(pk.name()) + " PRIMARY KEY ("
                + columns(pk.columns()) + ")" + deferrable(pk.deferrable())));
        for (UniqueConstraint u : table.uniqueConstraints()) {
            parts.add("CONSTRAINT " + quote(u.name()) + " UNIQUE (" + columns(u.columns()) + ")"
                    + deferrable(u.deferrable()));
        }
        table.checks().forEach(c -> parts.add("CONSTRAINT " + quote(c.name()) + " " + check(c)));
        // EXCLUDE constraints have no model field: the inspector keeps pg_get_constraintdef as a table attribute.
        table.attributes().forEach((key, definition) -> {
            if (key.startsWith(PostgresTableReader.EXCLUSION_PREFIX)) {
                parts.add("CONSTRAINT " + quote(key.substring(PostgresTableReader.EXCLUSION_PREFIX.length())) + " "
                        + definition);
            }
        });
        // Columns a child also inherits are declared too: PostgreSQL merges them with the parent's.
        String inherits = table.attributes().containsKey(PostgresTableReader.INHERITS)
                ? " INHERITS (" + table.attributes().get(PostgresTableReader.INHERITS) + ")" : "";
        List<String> out = new ArrayList<>(List.of("CREATE " + (table.unlogged() ? "UNLOGGED " : "") + "TABLE "
                + quote(table.name()) + " (\n    " + String.join(",\n    ", parts) + "\n)" + inherits
                + table.partitionBy().map(p -> " PARTITION BY " + p).orElse("")));
        out.addAll(PostgresTables.rowSecurity(table, Optional.empty(), rowSecurity(table)));
        table.attributes().forEach((key, value) -> {
            if (key.startsWith(PostgresTableReader.POLICY_PREFIX)) {
                out.add(value);
            } else if (key.startsWith(PostgresTableReader.INDEX_COMMENT_PREFIX)) {
                out.add(PostgresTables.indexComment(table, key, Optional.of(value)));
            }
        });
        return out;
    }

    static Optional<String> rowSecurity(Table table) {
        return Optional.ofNullable(table.attributes().get(PostgresTableReader.ROW_SECURITY));
    }

    static String column(Column c) {
        StringBuilder sql = new StringBuilder(quote(c.name())).append(' ').append(c.type().raw());
        c.collation().ifPresent(col -> sql.append(" COLLATE ").append(col));
        c.generated().ifPresent(g -> sql.append(" GENERATED ALWAYS AS (").append(g).append(") STORED"));
        c.identity().ifPresent(i -> sql.append(" GENERATED ").append(i.always() ? "ALWAYS" : "BY DEFAULT")
                .append(" AS IDENTITY").append(i.sequence().map(o -> " (" + o + ")").orElse("")));
        c.defaultExpression().ifPresent(d -> sql.append(" DEFAULT ").append(d));
        if (!c.nullable()) {
            sql.append(" NOT NULL");
        }
        return sql.toString();
    }

    /** The model keeps what the catalog prints: either {@code CHECK (...)} or the bare expression. */
    static String check(Check check) {
        String e = check.expression().strip();
        return e.toUpperCase(Locale.ROOT).startsWith("CHECK") ? e : "CHECK (" + e + ")";
    }

    static String deferrable(Deferrable d) {
        return switch (d) {
            case NOT_DEFERRABLE -> "";
            case DEFERRABLE_INITIALLY_IMMEDIATE -> " DEFERRABLE";
            case DEFERRABLE_INITIALLY_DEFERRED -> " DEFERRABLE INITIALLY DEFERRED";
        };
    }

    @Override
    public List<String> addForeignKey(Table table, ForeignKey fk) {
        return List.of("ALTER TABLE " + quote(table.name()) + " ADD CONSTRAINT " + quote(fk.name()) + " FOREIGN KEY ("
                + columns(fk.columns()) + ") REFERENCES " + quote(fk.referencedTable()) + " ("
                + columns(fk.referencedColumns()) + ")" + (fk.match() == ForeignKey.Match.SIMPLE ? ""
                : " MATCH " + fk.match()) + action("UPDATE", fk.onUpdate()) + action("DELETE", fk.onDelete())
                + deferrable(fk.deferrable()));
    }

    private static String action(String event, ForeignKey.Action action) {
        return action == ForeignKey.Action.NO_ACTION ? "" : " ON " + event + " " + action.name().replace('_', ' ');
    }

    @Override
    public List<String> createIndex(Table table, Index index) {
        if (index.definition().toUpperCase(Locale.ROOT).startsWith("CREATE")) {
            return List.of(index.definition());
        }
        String keys = index.keys().stream().map(k -> k.column().map(PostgresNames::quote)
                        .orElseGet(() -> "(" + k.expression().orElseThrow() + ")") + (k.descending() ? " DESC" : "")
                        + (k.nullsFirst() != k.descending() ? (k.nullsFirst() ? " NULLS FIRST" : " NULLS LAST") : ""))
                .collect(Collectors.joining(", "));
        return List.of("CREATE " + (index.unique() ? "UNIQUE " : "") + "INDEX " + quote(index.name()) + " ON "
                + quote(table.name()) + " USING " + index.method() + " (" + keys + ")"
                + (index.include().isEmpty() ? "" : " INCLUDE (" + columns(index.include()) + ")")
                + index.where().map(w -> " WHERE " + w).orElse(""));
    }

    @Override
    public List<String> createRoutine(Routine routine) {
        return List.of(routine.definition().strip());
    }

    @Override
    public List<String> createView(View view) {
        String definition = view.definition().strip();
        if (definition.endsWith(";")) {
            definition = definition.substring(0, definition.length() - 1);
        }
        String create = definition.toUpperCase(Locale.ROOT).startsWith("CREATE") ? definition
                : "CREATE " + (view.materialized() ? "MATERIALIZED " : "") + "VIEW " + quote(view.name()) + " AS\n"
                + definition;
        List<String> out = new ArrayList<>(List.of(create));
        view.indexes().forEach(i -> out.add(i.definition()));
        out.addAll(commentOn((view.materialized() ? "MATERIALIZED VIEW " : "VIEW ") + quote(view.name()),
                view.comment()));
        view.columnComments().forEach((column, text) -> out.addAll(commentOn("COLUMN " + quote(view.name()) + "."
                + quote(column), java.util.Optional.of(text))));
        return out;
    }

    @Override
    public List<String> createTrigger(Table table, Trigger trigger) {
        return List.of(trigger.definition().strip());
    }

    @Override
    public List<String> afterTables(Sequence sequence) {
        return sequence.ownedBy().map(o -> List.of("ALTER SEQUENCE " + quote(sequence.name()) + " OWNED BY "
                + ownedBy(sequence, o))).orElse(List.of());
    }

    /** {@code table.column}, qualified with the sequence's schema when the table name is not. */
    static String ownedBy(Sequence sequence, String tableDotColumn) {
        int dot = tableDotColumn.lastIndexOf('.');
        String table = tableDotColumn.substring(0, dot);
        String column = tableDotColumn.substring(dot + 1);
        String qualified = table.contains(".") || sequence.name().schema() == null ? table
                : quote(sequence.name().schema()) + "." + quote(table);
        return qualified + "." + quote(column);
    }

    @Override
    public List<String> comments(Table table) {
        List<String> out = new ArrayList<>(commentOn("TABLE " + quote(table.name()), table.comment()));
        for (Column c : table.columns()) {
            out.addAll(commentOn("COLUMN " + quote(table.name()) + "." + quote(c.name()), c.comment()));
        }
        return out;
    }

    private static List<String> commentOn(String what, java.util.Optional<String> comment) {
        return comment.map(c -> List.of("COMMENT ON " + what + " IS " + literal(c))).orElse(List.of());
    }

    private static List<String> join(List<String> a, List<String> b) {
        List<String> out = new ArrayList<>(a);
        out.addAll(b);
        return out;
    }
}
