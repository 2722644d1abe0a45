package dev.godwit.model;

import java.util.Objects;

/** A CHECK constraint; the expression as the database prints it. */
public record Check(String name, String expression) {

    public Check {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(expression, "expression");
    }
}
