package dev.godwit.diff;

import dev.godwit.model.QualifiedName;
import java.util.List;
import java.util.Optional;

/** The rename hints, looked up by the differ as it pairs tables and columns. */
final class Renames {

    private final List<Rename> hints;

    Renames(List<Rename> hints) {
        this.hints = List.copyOf(hints);
    }

    /** The new name of this table, when a hint renames it ({@code users=customers}, {@code app.users=customers}). */
    Optional<String> tableName(QualifiedName table) {
        if (hints.isEmpty()) {
            return Optional.empty();
        }
        return hints.stream().filter(h -> !h.from().contains(".") && h.from().equals(table.name())
                        || h.from().equals(table.toString()))
                .map(Rename::newName).findFirst();
    }

    /**
     * The new name of this column, when a hint renames it ({@code users.name=full_name},
     * {@code app.users.name=users.full_name}).
     */
    Optional<String> columnName(QualifiedName table, String column) {
        if (hints.isEmpty()) {
            return Optional.empty();
        }
        return hints.stream().filter(h -> h.from().equals(table.name() + "." + column)
                        || h.from().equals(table + "." + column))
                .map(Rename::newName).findFirst();
    }
}
