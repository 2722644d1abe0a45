package dev.godwit.model;

import java.util.Objects;

/**
 * A function, procedure or aggregate, kept as its definition ({@code pg_get_functiondef}).
 *
 * @param kind      {@code function}, {@code procedure} or {@code aggregate}
 * @param signature the identity arguments ({@code integer, text}), which tell overloads apart
 */
public record Routine(QualifiedName name, String kind, String signature, String definition) {

    public Routine {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kind, "kind");
        signature = signature == null ? "" : signature;
        Objects.requireNonNull(definition, "definition");
    }
}
