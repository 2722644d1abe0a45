package dev.godwit.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.godwit.diff.Change;
import dev.godwit.model.Catalog;
import dev.godwit.model.Column;
import dev.godwit.model.DataType;
import dev.godwit.model.Index;
import dev.godwit.model.QualifiedName;
import dev.godwit.model.Table;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Changes to a table the diff renames name it by its new name, so they run after the rename. */
class ChangeOrderTest {

    private static final Catalog EMPTY = new Catalog("test", List.of(), List.of());
    private static final Column A = Column.of("a", DataType.of("text"));
    private static final Column B = Column.of("b", DataType.of("text"));

    @Test
    void dropsColumnOfARenamedTableAfterTheRename() {
        Table old = Table.of(QualifiedName.of("main", "t"), List.of(A, B));
        Table renamed = Table.of(QualifiedName.of("main", "t2"), List.of(A, B));
        Change rename = new Change.RenameTable(old, renamed);
        Change drop = new Change.DropColumn(renamed, A);

        assertEquals(List.of(rename, drop), ChangeOrder.sort(List.of(drop, rename), EMPTY, EMPTY));
    }

    @Test
    void dropsIndexOfARenamedTableAfterTheRename() {
        Index index = new Index("t_a", false, "btree", List.of(Index.Key.column("a")), List.of(), Optional.empty(),
                "");
        Table old = new Table(QualifiedName.of("main", "t"), List.of(A), Optional.empty(), List.of(),
                List.of(index), List.of(), List.of(), List.of(), Optional.empty(), Optional.empty(), false,
                Optional.empty(), Map.of());
        Table renamed = Table.of(QualifiedName.of("main", "t2"), List.of(A));
        Change rename = new Change.RenameTable(old, renamed);
        Change drop = new Change.DropIndex(renamed.name(), index);

        assertEquals(List.of(rename, drop), ChangeOrder.sort(List.of(drop, rename), EMPTY, EMPTY));
    }
}
