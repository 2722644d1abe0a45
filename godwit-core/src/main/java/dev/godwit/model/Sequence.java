package dev.godwit.model;

import java.util.Objects;
import java.util.Optional;

/**
 * A sequence that is not an identity column's.
 *
 * @param ownedBy the column that owns it ({@code serial}), as {@code table.column}
 * @param comment COMMENT ON SEQUENCE
 */
public record Sequence(QualifiedName name, String dataType, long start, long increment, long min, long max,
                       long cache, boolean cycle, Optional<String> ownedBy, Optional<String> comment) {

    public Sequence {
        Objects.requireNonNull(name, "name");
        dataType = dataType == null ? "bigint" : dataType;
        ownedBy = ownedBy == null ? Optional.empty() : ownedBy;
        comment = comment == null ? Optional.empty() : comment;
    }

    /** A sequence without a comment. */
    public Sequence(QualifiedName name, String dataType, long start, long increment, long min, long max, long cache,
                    boolean cycle, Optional<String> ownedBy) {
        this(name, dataType, start, increment, min, max, cache, cycle, ownedBy, Optional.empty());
    }
}
