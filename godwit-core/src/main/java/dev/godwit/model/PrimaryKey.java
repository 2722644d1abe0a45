package dev.godwit.model;

import java.util.List;
import java.util.Objects;

/**
 * A primary key: its constraint name and columns in key order.
 *
 * @param deferrable {@link Deferrable#NOT_DEFERRABLE} unless declared otherwise (PostgreSQL)
 */
public record PrimaryKey(String name, List<String> columns, Deferrable deferrable) {

    public PrimaryKey {
        Objects.requireNonNull(name, "name");
        columns = Lists.copy(columns);
        deferrable = deferrable == null ? Deferrable.NOT_DEFERRABLE : deferrable;
    }

    /** A primary key checked at once. */
    public PrimaryKey(String name, List<String> columns) {
        this(name, columns, Deferrable.NOT_DEFERRABLE);
    }
}
