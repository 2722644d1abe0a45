package dev.godwit.model;

import java.util.Objects;

/** A trigger, kept as its definition ({@code pg_get_triggerdef}, SQLite's CREATE TRIGGER). */
public record Trigger(String name, String definition) {

    public Trigger {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(definition, "definition");
    }
}
