package dev.godwit.diff;

import dev.godwit.model.Catalog;
import java.util.List;
import java.util.Objects;

/**
 * The changes that turn {@code from} into {@code to}, in the order the differ found them (not yet an order a
 * database accepts: that is the planner's job).
 */
public record Diff(Catalog from, Catalog to, List<Change> changes) {

    public Diff {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        changes = List.copyOf(changes);
    }

    public boolean isEmpty() {
        return changes.isEmpty();
    }

    /** The diff that undoes this one. */
    public Diff inverse() {
        return new Diff(to, from, changes.stream().map(Change::inverse).toList());
    }
}
