package dev.godwit.model;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Equality with meaning: two catalogs built by different but equivalent DDL are equivalent. What does not change
 * what the database does is ignored: the order of columns, names the database generated for constraints
 * ({@code users_pkey}, {@code users_email_key}, {@code posts_user_id_fkey}, {@code users_age_check}, or none at all),
 * the case of type names and whitespace in expressions. Type aliases and redundant parentheses are already
 * normalised by the databases' own printers ({@code format_type}, {@code pg_get_expr}), which the inspectors use.
 */
public final class Equivalence {

    private Equivalence() {
    }

    /** True when the two catalogs describe the same schema. */
    public static boolean equivalent(Catalog a, Catalog b) {
        return differences(a, b).isEmpty();
    }

    /** What differs, one line per object and aspect, sorted; empty when the catalogs are equivalent. */
    public static List<String> differences(Catalog a, Catalog b) {
        List<String> out = new ArrayList<>();
        compare(out, "schema", byName(a.schemas(), Schema::name), byName(b.schemas(), Schema::name),
                (x, y) -> compareSchemas(out, x, y));
        compare(out, "extension", byName(a.extensions(), Extension::name), byName(b.extensions(), Extension::name),
                (x, y) -> same(out, "extension " + x.name(), "version", x.version(), y.version()));
        out.sort(Comparator.naturalOrder());
        return out;
    }

    private static void compareSchemas(List<String> out, Schema a, Schema b) {
        compare(out, "table", byName(a.tables(), t -> t.name().toString()), byName(b.tables(),
                t -> t.name().toString()), (x, y) -> compareTables(out, x, y));
        compare(out, "view", byName(a.views(), v -> v.name().toString()), byName(b.views(), v -> v.name().toString()),
                (x, y) -> same(out, "view " + x.name(), "definition", normalise(x), normalise(y)));
        compare(out, "sequence", byName(a.sequences(), s -> s.name().toString()),
                byName(b.sequences(), s -> s.name().toString()), (x, y) -> same(out, "sequence " + x.name(), "options",
                        x, y));
        compare(out, "enum", byName(a.enums(), e -> e.name().toString()), byName(b.enums(), e -> e.name().toString()),
                (x, y) -> same(out, "enum " + x.name(), "labels", x.labels(), y.labels()));
        compare(out, "domain", byName(a.domains(), d -> d.name().toString()),
                byName(b.domains(), d -> d.name().toString()), (x, y) -> same(out, "domain " + x.name(), "definition",
                        normalise(x), normalise(y)));
        compare(out, "composite type", byName(a.compositeTypes(), t -> t.name().toString()),
                byName(b.compositeTypes(), t -> t.name().toString()), (x, y) -> same(out, "composite type "
                        + x.name(), "definition", x.attributes().stream().map(Equivalence::normalise).toList()
                        + " " + x.comment(), y.attributes().stream().map(Equivalence::normalise).toList() + " "
                        + y.comment()));
        compare(out, "routine", byName(a.routines(), r -> r.name() + "(" + r.signature() + ")"),
                byName(b.routines(), r -> r.name() + "(" + r.signature() + ")"), (x, y) -> same(out, "routine "
                        + x.name(), "definition", squash(x.definition()), squash(y.definition())));
    }

    private static void compareTables(List<String> out, Table a, Table b) {
        String what = "table " + a.name();
        compare(out, what + " column", byName(a.columns(), Column::name), byName(b.columns(), Column::name),
                (x, y) -> same(out, what + " column " + x.name(), "definition", normalise(x), normalise(y)));
        same(out, what, "primary key", a.primaryKey().map(pk -> pk.columns() + " " + pk.deferrable()),
                b.primaryKey().map(pk -> pk.columns() + " " + pk.deferrable()));
        same(out, what, "unique constraints", keyed(a, a.uniqueConstraints(), UniqueConstraint::name,
                u -> u.columns() + " " + u.deferrable()), keyed(b, b.uniqueConstraints(), UniqueConstraint::name,
                u -> u.columns() + " " + u.deferrable()));
        same(out, what, "foreign keys", keyed(a, a.foreignKeys(), ForeignKey::name, Equivalence::describe),
                keyed(b, b.foreignKeys(), ForeignKey::name, Equivalence::describe));
        same(out, what, "checks", keyed(a, a.checks(), Check::name, c -> squash(c.expression())),
                keyed(b, b.checks(), Check::name, c -> squash(c.expression())));
        same(out, what, "indexes", keyed(a, a.indexes(), Index::name, i -> squash(i.definition())),
                keyed(b, b.indexes(), Index::name, i -> squash(i.definition())));
        same(out, what, "triggers", keyed(a, a.triggers(), Trigger::name, t -> squash(t.definition())),
                keyed(b, b.triggers(), Trigger::name, t -> squash(t.definition())));
        same(out, what, "partitioning", a.partitionBy().map(Equivalence::squash), b.partitionBy()
                .map(Equivalence::squash));
        same(out, what, "partition of", a.partitionOf(), b.partitionOf());
        same(out, what, "unlogged", a.unlogged(), b.unlogged());
        same(out, what, "comment", a.comment(), b.comment());
        same(out, what, "attributes", a.attributes(), b.attributes());
    }

    private static String describe(ForeignKey fk) {
        return fk.columns() + " -> " + fk.referencedTable() + fk.referencedColumns() + " update " + fk.onUpdate()
                + " delete " + fk.onDelete() + " " + fk.match() + " " + fk.deferrable();
    }

    /**
     * Constraints keyed by name, except that a name the database would have generated (or no name) is replaced by
     * the constraint's content, so an explicit {@code CONSTRAINT users_pkey} and an implicit one compare equal.
     */
    private static <T> Map<String, String> keyed(Table table, List<T> items, Function<T, String> name,
                                                 Function<T, String> content) {
        Map<String, String> out = new TreeMap<>();
        for (T item : items) {
            String n = name.apply(item);
            String c = content.apply(item);
            out.put(generatedName(table, n) ? "(generated) " + c : n, c);
        }
        return out;
    }

    /**
     * True when the database would have generated this constraint or index name for the table (or there is none), so
     * a named and an unnamed constraint with the same content are the same constraint.
     */
    public static boolean generatedName(Table table, String name) {
        String prefix = table.name().name() + "_";
        return name.isEmpty() || name.startsWith("sqlite_autoindex_") || name.startsWith(prefix)
                && (name.endsWith("_pkey") || name.endsWith("_key") || name.endsWith("_fkey")
                || name.endsWith("_check") || name.endsWith("_idx") || name.endsWith("_excl"));
    }

    private static Column normalise(Column c) {
        DataType t = c.type();
        DataType type = new DataType(t.name().toLowerCase(Locale.ROOT), t.length(), t.precision(), t.scale(),
                t.dimensions(), squash(t.raw()).toLowerCase(Locale.ROOT));
        return new Column(c.name(), type, c.nullable(), c.defaultExpression().map(Equivalence::squash), c.identity(),
                c.generated().map(Equivalence::squash), c.collation(), c.comment());
    }

    private static View normalise(View v) {
        return new View(v.name(), v.materialized(), squash(v.definition()), v.dependsOn(), v.indexes(), v.comment(),
                v.triggers().stream().map(t -> new Trigger(t.name(), squash(t.definition()))).toList(),
                v.columnComments());
    }

    private static Domain normalise(Domain d) {
        return new Domain(d.name(), d.type(), d.notNull(), d.defaultExpression().map(Equivalence::squash),
                d.collation(), d.checks().stream().map(c -> new Check(c.name(), squash(c.expression()))).toList(),
                d.comment());
    }

    /**
     * Whitespace runs collapsed to one space, outer whitespace and a trailing semicolon removed: the form the
     * differ and this class compare expressions and definitions in.
     */
    public static String squash(String text) {
        String s = text.strip();
        // The differ squashes every type, default and index definition of both catalogs, and most of them hold
        // single spaces only: a scan instead of a regex is most of a large diff's time.
        StringBuilder out = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean space = isSpace(c);
            if (out == null && space && (c != ' ' || i + 1 < s.length() && isSpace(s.charAt(i + 1)))) {
                out = new StringBuilder(s.length()).append(s, 0, i);
            }
            if (out != null && !(space && out.length() > 0 && out.charAt(out.length() - 1) == ' ')) {
                out.append(space ? ' ' : c);
            }
        }
        String squashed = out == null ? s : out.toString();
        return squashed.endsWith(";") ? squashed.substring(0, squashed.length() - 1).strip() : squashed;
    }

    /** The characters of the regex class {@code \\s}. */
    private static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r';
    }

    private static <T> Map<String, T> byName(List<T> items, Function<T, String> name) {
        Map<String, T> map = new TreeMap<>();
        items.forEach(i -> map.put(name.apply(i), i));
        return map;
    }

    private static <T> void compare(List<String> out, String kind, Map<String, T> a, Map<String, T> b,
                                    java.util.function.BiConsumer<T, T> both) {
        a.forEach((name, x) -> {
            T y = b.get(name);
            if (y == null) {
                out.add(kind + " " + name + ": only in the first");
            } else {
                both.accept(x, y);
            }
        });
        b.keySet().stream().filter(name -> !a.containsKey(name))
                .forEach(name -> out.add(kind + " " + name + ": only in the second"));
    }

    private static void same(List<String> out, String what, String aspect, Object a, Object b) {
        if (!java.util.Objects.equals(a, b)) {
            out.add(what + ": " + aspect + " differs: " + show(a) + " vs " + show(b));
        }
    }

    private static String show(Object o) {
        return o instanceof Optional<?> opt ? opt.map(String::valueOf).orElse("(none)") : String.valueOf(o);
    }
}
