package dev.godwit.postgres;

import static dev.godwit.postgres.PostgresNames.quote;

import dev.godwit.diff.Change;
import dev.godwit.model.Column;
import dev.godwit.plan.Hazard;
import java.util.Set;

/**
 * A changed column as the ALTER COLUMN forms PostgreSQL has, in the order that works: the old default goes
 * before a type change (it may not cast), identity and generation next, the type with an explicit {@code USING}
 * cast, then the new default and nullability. SET NOT NULL scans the whole table under an ACCESS EXCLUSIVE lock.
 */
final class PostgresColumns {

    private PostgresColumns() {
    }

    /**
     * @param only whether the table's own default and NOT NULL are set with {@code ALTER TABLE ONLY} (a parent whose
     *             children have theirs); a type, an identity or a generation expression always reaches them
     */
    static void alter(PostgresChangeWriter.Statements out, Change.AlterColumn change, Set<String> enums,
                      boolean only) {
        Column a = change.from();
        Column b = change.to();
        String alter = PostgresChangeWriter.alterTable(change.table()) + "ALTER COLUMN " + quote(b.name());
        String own = PostgresChangeWriter.alterTable(change.table(), only) + "ALTER COLUMN " + quote(b.name());
        if (!a.generated().equals(b.generated())) {
            if (b.generated().isEmpty()) {
                out.add(alter + " DROP EXPRESSION");
                a = new Column(a.name(), a.type(), a.nullable(), a.defaultExpression(), a.identity(), b.generated(),
                        a.collation(), a.comment());
            } else {
                // A generation expression cannot be added to or changed on an existing column before PostgreSQL
                // 17: the column is dropped and added again; its values are computed anew, none is lost.
                out.add(PostgresChangeWriter.alterTable(change.table()) + "DROP COLUMN " + quote(a.name()));
                out.add(PostgresChangeWriter.alterTable(change.table()) + "ADD COLUMN "
                        + PostgresDdlWriter.column(b), Hazard.TABLE_REWRITE);
                return;
            }
        }
        boolean typeChanged = !a.type().equals(b.type()) || !a.collation().equals(b.collation());
        boolean defaultChanged = !a.defaultExpression().equals(b.defaultExpression());
        if (a.defaultExpression().isPresent() && (defaultChanged || typeChanged)) {
            if (b.defaultExpression().isEmpty() || typeChanged) {
                out.add(own + " DROP DEFAULT");
            }
        }
        // An identity column must be NOT NULL before it becomes one; it may become nullable only after.
        boolean notNullFirst = !b.nullable() && a.nullable();
        if (notNullFirst) {
            out.add(own + " SET NOT NULL", Hazard.BLOCKING_LOCK);
        }
        if (!a.identity().equals(b.identity())) {
            if (b.identity().isEmpty()) {
                out.add(alter + " DROP IDENTITY");
            } else if (a.identity().isEmpty()) {
                out.add(alter + " ADD GENERATED " + (b.identity().get().always() ? "ALWAYS" : "BY DEFAULT")
                        + " AS IDENTITY" + b.identity().get().sequence().map(o -> " (" + o + ")").orElse(""));
            } else {
                if (a.identity().get().always() != b.identity().get().always()) {
                    out.add(alter + " SET GENERATED " + (b.identity().get().always() ? "ALWAYS" : "BY DEFAULT"));
                }
                if (!a.identity().get().sequence().equals(b.identity().get().sequence())) {
                    b.identity().get().sequence().ifPresent(o -> out.add(alter + " SET " + o.replace(" START WITH ",
                            " RESTART WITH ").replace("START WITH ", "RESTART WITH ")));
                }
            }
        }
        if (typeChanged) {
            String type = b.type().raw() + b.collation().map(c -> " COLLATE " + c).orElse("");
            // There is no cast between an enum and another type but text: go through text.
            String through = isEnum(a, enums) || isEnum(b, enums) ? "::text" + "[]".repeat(a.type().dimensions())
                    : "";
            out.add(alter + " TYPE " + type + " USING " + quote(b.name()) + through + "::" + b.type().raw(),
                    Hazard.TABLE_REWRITE, Hazard.BLOCKING_LOCK);
        }
        if (b.defaultExpression().isPresent() && (defaultChanged || typeChanged)) {
            out.add(own + " SET DEFAULT " + b.defaultExpression().get());
        }
        if (b.nullable() && !a.nullable()) {
            out.add(own + " DROP NOT NULL");
        }
    }

    private static boolean isEnum(Column c, Set<String> enums) {
        return enums.contains(c.type().name().replace("\"", ""));
    }
}
