package dev.godwit.postgres;

import dev.godwit.diff.Change;
import dev.godwit.model.Catalog;
import dev.godwit.model.QualifiedName;
import dev.godwit.model.Table;
import dev.godwit.plan.UnsupportedChangeException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What PostgreSQL does to partitions on its own, taken out of a plan or refused before it fails.
 */
final class PostgresPartitions {

    private PostgresPartitions() {
    }

    /**
     * A partition's columns are its parent's: ADD, DROP and RENAME COLUMN and a change of type reach every partition
     * from the parent, and PostgreSQL refuses them on a partition ("cannot add column to a partition"). The diff
     * sees the same change on each partition that stays one; only the parent's is kept. A partition's own default
     * and NOT NULL are its own and stay.
     */
    static List<Change> columnsFollowParent(List<Change> changes, Catalog from, Catalog to) {
        List<Change> out = new ArrayList<>(changes.size());
        for (Change c : changes) {
            boolean parentsChange = c instanceof Change.AddColumn || c instanceof Change.DropColumn
                    || c instanceof Change.RenameColumn || c instanceof Change.AlterColumn a && a.reshapes();
            if (!parentsChange || c.subject().filter(t -> staysPartition(t, from, to)).isEmpty()) {
                out.add(c);
            }
        }
        return out;
    }

    /**
     * A partition that leaves a parent with keys, indexes, checks or foreign keys keeps them all after DETACH
     * PARTITION, as its own, under names PostgreSQL chose and the model leaves out (they are the parent's while
     * attached): the plan would then add the same key again and fail. Refused with what to do instead.
     */
    static void refuseDetachWithParentConstraints(List<Change> changes, Catalog from) {
        for (Change c : changes) {
            if (c instanceof Change.AlterTable a && a.from().partitionOf().isPresent()
                    && !a.from().partitionOf().map(Table.PartitionOf::parent)
                    .equals(a.to().partitionOf().map(Table.PartitionOf::parent))) {
                QualifiedName parent = a.from().partitionOf().get().parent();
                Optional<Table> p = from.table(parent);
                if (p.isPresent() && (p.get().primaryKey().isPresent() || !p.get().uniqueConstraints().isEmpty()
                        || !p.get().indexes().isEmpty() || !p.get().checks().isEmpty()
                        || !p.get().foreignKeys().isEmpty())) {
                    throw new UnsupportedChangeException(c, "detaching partition " + a.from().name() + " from "
                            + parent + ", whose keys, indexes, checks and foreign keys the partition keeps as its own "
                            + "under names PostgreSQL chooses; write the DETACH PARTITION and the changes after it by "
                            + "hand in a migration");
                }
            }
        }
    }

    private static boolean staysPartition(QualifiedName table, Catalog from, Catalog to) {
        Optional<QualifiedName> before = from.table(table).flatMap(Table::partitionOf).map(Table.PartitionOf::parent);
        return before.isPresent()
                && before.equals(to.table(table).flatMap(Table::partitionOf).map(Table.PartitionOf::parent));
    }
}
