package dev.godwit.model;

import java.util.List;
import java.util.Objects;

/**
 * A UNIQUE constraint (not a unique index without a constraint: that is an {@link Index}).
 *
 * @param deferrable {@link Deferrable#NOT_DEFERRABLE} unless declared otherwise
 */
public record UniqueConstraint(String name, List<String> columns, Deferrable deferrable) {

    public UniqueConstraint {
        Objects.requireNonNull(name, "name");
        columns = Lists.copy(columns);
        deferrable = deferrable == null ? Deferrable.NOT_DEFERRABLE : deferrable;
    }
}
