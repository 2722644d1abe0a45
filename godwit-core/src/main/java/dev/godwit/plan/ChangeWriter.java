package dev.godwit.plan;

import dev.godwit.diff.Change;
import dev.godwit.diff.DiffHooks;
import dev.godwit.model.Catalog;
import java.util.List;

/**
 * One dialect's part in planning: how its differ compares ({@link #hooks}), which changes it cannot make as they
 * are ({@link #lower}) and the statements for each change ({@link #write}). A change the dialect deliberately does
 * not support is refused with {@link UnsupportedChangeException}, never answered with wrong SQL.
 */
public interface ChangeWriter {

    /** This writer with these options; the default ignores them (the dialect has no choice to make). */
    default ChangeWriter with(PlanOptions options) {
        return this;
    }

    default DiffHooks hooks() {
        return DiffHooks.DEFAULT;
    }

    /**
     * Rewrites the differ's changes into ones this database can make, before they are ordered (SQLite turns the
     * changes it cannot ALTER into a {@link Change.RebuildTable}). The default keeps them.
     */
    default List<Change> lower(List<Change> changes, Catalog from, Catalog to) {
        return changes;
    }

    /**
     * Statements that go before a plan of these (ordered) changes: session settings the plan needs. The default
     * has none.
     */
    default List<PlannedStatement> preamble(List<Change> changes) {
        return List.of();
    }

    /**
     * The statements for one change, each with its transaction mode and hazards.
     *
     * @param from the catalog before the whole plan
     * @param to   the catalog after it
     * @throws UnsupportedChangeException when the dialect cannot make the change
     */
    List<PlannedStatement> write(Change change, Catalog from, Catalog to);
}
