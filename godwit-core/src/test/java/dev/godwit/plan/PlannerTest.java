package dev.godwit.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.godwit.diff.Change;
import dev.godwit.diff.DiffHooks;
import dev.godwit.diff.SchemaDiffer;
import dev.godwit.model.Catalog;
import dev.godwit.model.Column;
import dev.godwit.model.DataType;
import dev.godwit.model.ForeignKey;
import dev.godwit.model.QualifiedName;
import dev.godwit.model.Schema;
import dev.godwit.model.Table;
import dev.godwit.model.View;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The planner's order, with a writer that writes each change's description: no database involved. */
class PlannerTest {

    private static final ChangeWriter DESCRIBE = (change, from, to) -> List.of(PlannedStatement.of(change,
            change.describe()));
    private static final QualifiedName A = QualifiedName.of("s", "a");
    private static final QualifiedName B = QualifiedName.of("s", "b");
    private static final Column ID = Column.of("id", DataType.of("integer"));

    private static Catalog catalog(List<Table> tables, List<View> views) {
        return new Catalog("test", List.of(new Schema("s", tables, views, List.of(), List.of(), List.of(), List.of(),
                Optional.empty())), List.of());
    }

    private static Table referring(QualifiedName name, QualifiedName other) {
        return new Table(name, List.of(ID, Column.of("other", DataType.of("integer"))), Optional.empty(), List.of(),
                List.of(), List.of(new ForeignKey(name.name() + "_other_fkey", List.of("other"), other,
                List.of("id"), null, null, null, null)), List.of(), List.of(), Optional.empty(), Optional.empty(),
                false, Optional.empty(), Map.of());
    }

    private static List<String> sql(List<PlannedStatement> statements) {
        return statements.stream().map(PlannedStatement::sql).toList();
    }

    @Test
    void tablesThatReferToEachOtherGetTheirForeignKeysAfterBoth() {
        Catalog empty = catalog(List.of(), List.of());
        Catalog cycle = catalog(List.of(referring(B, A), referring(A, B)), List.of());
        Plan plan = new Planner(DESCRIBE).plan(new SchemaDiffer(DiffHooks.DEFAULT).diff(empty, cycle));

        assertEquals(List.of("create table s.a", "create table s.b", "add foreign key s.a[other] -> s.b",
                "add foreign key s.b[other] -> s.a"), sql(plan.up()));
        assertEquals(List.of("drop foreign key s.a[other] -> s.b", "drop foreign key s.b[other] -> s.a",
                "drop table s.a", "drop table s.b"), sql(plan.down()));
    }

    @Test
    void viewsOfAChangingColumnAreDroppedBeforeAndCreatedAfterViewsOfViewsToo() {
        Table before = Table.of(A, List.of(ID));
        Table after = Table.of(A, List.of(Column.of("id", DataType.of("bigint"))));
        View v1 = new View(QualifiedName.of("s", "v1"), false, "SELECT id FROM s.a", List.of(A), List.of(),
                Optional.empty());
        View v2 = new View(QualifiedName.of("s", "v2"), false, "SELECT id FROM s.v1", List.of(v1.name()), List.of(),
                Optional.empty());
        Plan plan = new Planner(DESCRIBE).plan(new SchemaDiffer(DiffHooks.DEFAULT).diff(
                catalog(List.of(before), List.of(v1, v2)), catalog(List.of(after), List.of(v1, v2))));

        assertEquals(List.of("drop view s.v2", "drop view s.v1", "change column s.a.id", "create view s.v1",
                "create view s.v2"), sql(plan.up()));
    }

    @Test
    void anUnsupportedReverseLeavesThePlanWithoutADown() {
        ChangeWriter noDrops = (change, from, to) -> {
            if (change instanceof Change.DropTable) {
                throw new UnsupportedChangeException(change, "dropping tables in this test");
            }
            return DESCRIBE.write(change, from, to);
        };
        Plan plan = new Planner(noDrops).plan(new SchemaDiffer(DiffHooks.DEFAULT).diff(catalog(List.of(),
                List.of()), catalog(List.of(Table.of(A, List.of(ID))), List.of())));

        assertEquals(List.of("create table s.a"), sql(plan.up()));
        assertEquals(false, plan.reversible());
        assertEquals(List.of(), plan.down());
    }
}
