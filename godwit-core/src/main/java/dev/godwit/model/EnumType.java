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

    /**
     * True when {@code other}'s labels are these in the same order with others inserted among them: labels are only
     * added, which a database can do in place (PostgreSQL {@code ALTER TYPE ... ADD VALUE}).
     */
    public boolean onlyAddsLabels(EnumType other) {
        int j = 0;
        for (String label : other.labels) {
            if (j < labels.size() && labels.get(j).equals(label)) {
                j++;
            }
        }
        return j == labels.size();
    }
}
