package dev.godwit.model;

import java.util.List;
import java.util.Objects;

/** A primary key: its constraint name and columns in key order. */
public record PrimaryKey(String name, List<String> columns) {

    public PrimaryKey {
        Objects.requireNonNull(name, "name");
        columns = Lists.copy(columns);
    }
}
