package dev.godwit.model;

import java.util.Objects;
import java.util.Optional;

/**
 * A sequence that is not an identity column's.
 *
 * @param ownedBy the column that owns it ({@code serial}), as {@code table.column}
 */
public record Sequence(QualifiedName name, String dataType, long start, long increment, long min, long max,
                       long cache, boolean cycle, Optional<String> ownedBy) {

    public Sequence {
        Objects.requireNonNull(name, "name");
        dataType = dataType == null ? "bigint" : dataType;
        ownedBy = ownedBy == null ? Optional.empty() : ownedBy;
    }
}
