package dev.godwit.model;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** An enum type; its labels keep their declared order, which is their sort order in the database. */
public record EnumType(QualifiedName name, List<String> labels, Optional<String> comment) {

    public EnumType {
        Objects.requireNonNull(name, "name");
        labels = Lists.copy(labels);
        comment = comment == null ? Optional.empty() : comment;
    }
}
