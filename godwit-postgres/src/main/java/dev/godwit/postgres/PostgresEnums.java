package dev.godwit.postgres;

import static dev.godwit.postgres.PostgresNames.literal;
import static dev.godwit.postgres.PostgresNames.quote;

import dev.godwit.diff.Change;
import dev.godwit.diff.DiffHooks;
import dev.godwit.model.Catalog;
import dev.godwit.model.Column;
import dev.godwit.model.EnumType;
import dev.godwit.model.QualifiedName;
import dev.godwit.model.Schema;
import dev.godwit.model.Table;
import dev.godwit.plan.Hazard;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/** Enum changes: new labels by ADD VALUE; anything else through a new type that the columns are moved to. */
final class PostgresEnums {

    private PostgresEnums() {
    }

    static void alter(PostgresChangeWriter.Statements out, Change.AlterEnum change, Catalog from, Catalog to) {
        EnumType a = change.from();
        EnumType b = change.to();
        if (!a.labels().equals(b.labels())) {
            if (a.onlyAddsLabels(b)) {
                addValues(out, a, b);
            } else {
                replace(out, a, b, from, to);
            }
        }
        if (!a.comment().equals(b.comment())) {
            out.add(PostgresChangeWriter.comment("TYPE " + quote(b.name()), b.comment()));
        }
    }

    /**
     * {@code ALTER TYPE ... ADD VALUE}: allowed in a transaction since PostgreSQL 12, but the new value cannot be
     * used before that transaction commits, so the statement is planned outside one.
     */
    private static void addValues(PostgresChangeWriter.Statements out, EnumType a, EnumType b) {
        List<String> labels = b.labels();
        for (int i = 0; i < labels.size(); i++) {
            String label = labels.get(i);
            if (a.labels().contains(label)) {
                continue;
            }
            String position = i + 1 < labels.size() && a.labels().contains(labels.get(i + 1))
                    ? " BEFORE " + literal(labels.get(i + 1))
                    : i > 0 ? " AFTER " + literal(labels.get(i - 1)) : "";
            out.outsideTransaction("ALTER TYPE " + quote(b.name()) + " ADD VALUE " + literal(label) + position);
        }
    }

    /**
     * A label removed or reordered: PostgreSQL cannot drop a label, so a new type takes the old one's name and
     * every column moves to it through text. A row holding a removed label makes the cast fail, and the
     * migration with it: no row is changed silently.
     */
    private static void replace(PostgresChangeWriter.Statements out, EnumType a, EnumType b, Catalog from,
                                Catalog to) {
        QualifiedName old = QualifiedName.of(a.name().schema(), a.name().name() + "__godwit_old");
        out.add("ALTER TYPE " + quote(a.name()) + " RENAME TO " + quote(old.name()));
        out.add("CREATE TYPE " + quote(b.name()) + " AS ENUM (" + b.labels().stream().map(PostgresNames::literal)
                .collect(Collectors.joining(", ")) + ")");
        boolean removes = !b.labels().containsAll(a.labels());
        for (Schema s : from.schemas()) {
            for (Table t : s.tables()) {
                for (Column c : t.columns()) {
                    // Only columns that live on: a dropped table or column is gone before, a new one comes after.
                    if (!c.type().isType(a.name()) || to.table(t.name()).flatMap(x -> x.column(c.name())).isEmpty()) {
                        continue;
                    }
                    String alter = PostgresChangeWriter.alterTable(t) + "ALTER COLUMN " + quote(c.name());
                    if (c.defaultExpression().isPresent()) {
                        out.add(alter + " DROP DEFAULT");
                    }
                    String type = quote(b.name()) + "[]".repeat(c.type().dimensions());
                    out.add(alter + " TYPE " + type + " USING " + quote(c.name()) + "::text"
                            + "[]".repeat(c.type().dimensions()) + "::" + type, removes
                            ? new Hazard[] {Hazard.TABLE_REWRITE, Hazard.DATA_LOSS} : new Hazard[] {
                            Hazard.TABLE_REWRITE});
                    // The default comes back only when the desired state keeps it (its label may be gone); a new
                    // one is the column change's business.
                    Optional<String> kept = to.table(t.name()).flatMap(x -> x.column(c.name()))
                            .flatMap(Column::defaultExpression)
                            .filter(d -> DiffHooks.squash(d).equals(DiffHooks.squash(c.defaultExpression().get())));
                    kept.ifPresent(d -> out.add(alter + " SET DEFAULT " + d));
                }
            }
        }
        out.add("DROP TYPE " + quote(old));
    }

    /** Every enum type name of both catalogs, qualified and bare. */
    static java.util.Set<String> names(Catalog from, Catalog to) {
        java.util.Set<String> names = new java.util.HashSet<>();
        for (Catalog catalog : List.of(from, to)) {
            catalog.schemas().forEach(s -> s.enums().forEach(e -> {
                names.add(e.name().toString());
                names.add(e.name().name());
            }));
        }
        return names;
    }
}
