package dev.godwit.model;

import java.util.List;
import java.util.Objects;

/**
 * A foreign key.
 *
 * @param columns           the referencing columns, in key order
 * @param referencedTable   the table referred to
 * @param referencedColumns the referred columns, in the same order
 */
public record ForeignKey(String name, List<String> columns, QualifiedName referencedTable,
                         List<String> referencedColumns, Action onUpdate, Action onDelete, Match match,
                         Deferrable deferrable) {

    public ForeignKey {
        Objects.requireNonNull(name, "name");
        columns = Lists.copy(columns);
        Objects.requireNonNull(referencedTable, "referencedTable");
        referencedColumns = Lists.copy(referencedColumns);
        onUpdate = onUpdate == null ? Action.NO_ACTION : onUpdate;
        onDelete = onDelete == null ? Action.NO_ACTION : onDelete;
        match = match == null ? Match.SIMPLE : match;
        deferrable = deferrable == null ? Deferrable.NOT_DEFERRABLE : deferrable;
    }

    /** What happens to referencing rows. */
    public enum Action { NO_ACTION, RESTRICT, CASCADE, SET_NULL, SET_DEFAULT }

    /** MATCH type. */
    public enum Match { SIMPLE, FULL, PARTIAL }
}
