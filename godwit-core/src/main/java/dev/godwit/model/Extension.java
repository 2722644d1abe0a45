package dev.godwit.model;

import java.util.Objects;

/** An installed extension: name, the schema its objects live in, its version. */
public record Extension(String name, String schema, String version) {

    public Extension {
        Objects.requireNonNull(name, "name");
    }
}
