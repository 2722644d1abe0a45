package dev.godwit.jpa;

import jakarta.persistence.AttributeOverride;
import jakarta.persistence.AttributeOverrides;
import java.lang.reflect.Field;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * {@code @AttributeOverride}s of an embedded attribute, keyed by the attribute path inside the embeddable
 * ({@code street}, {@code geo.latitude}). JPA puts no prefix on embedded columns: without an override, an embeddable's
 * column has its own name, and two embeddings of one type in an entity must override to differ.
 */
record Overrides(Map<String, jakarta.persistence.Column> columns) {

    static final Overrides NONE = new Overrides(Map.of());

    static Overrides of(Field f) {
        Map<String, jakarta.persistence.Column> map = new HashMap<>();
        AttributeOverrides many = f.getAnnotation(AttributeOverrides.class);
        if (many != null) {
            for (AttributeOverride o : many.value()) {
                map.put(o.name(), o.column());
            }
        }
        for (AttributeOverride o : f.getAnnotationsByType(AttributeOverride.class)) {
            map.put(o.name(), o.column());
        }
        return new Overrides(Map.copyOf(map));
    }

    Optional<jakarta.persistence.Column> column(String path) {
        return Optional.ofNullable(columns.get(path));
    }

    /** These overrides (outer, winning) with a nested attribute's own, whose paths start at {@code prefix}. */
    Overrides merge(Overrides inner, String prefix) {
        Map<String, jakarta.persistence.Column> map = new HashMap<>();
        inner.columns.forEach((k, v) -> map.put(prefix + k, v));
        map.putAll(columns);
        return new Overrides(Map.copyOf(map));
    }
}
