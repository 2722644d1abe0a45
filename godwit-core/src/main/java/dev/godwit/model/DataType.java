package dev.godwit.model;

import java.util.Objects;
import java.util.Optional;

/**
 * A column's type.
 *
 * @param name       the base type name in the database's canonical spelling, lower case, without modifiers
 *                   ({@code character varying}, {@code integer}, {@code public.mood} for a user type)
 * @param length     character length or bit length, when given
 * @param precision  numeric precision or time precision, when given
 * @param scale      numeric scale, when given
 * @param dimensions array dimensions, 0 for a scalar
 * @param raw        the type exactly as the database prints it ({@code character varying(20)[]}); kept verbatim so
 *                   nothing the model does not understand is lost
 */
public record DataType(String name, Optional<Integer> length, Optional<Integer> precision, Optional<Integer> scale,
                       int dimensions, String raw) {

    public DataType {
        Objects.requireNonNull(name, "name");
        length = length == null ? Optional.empty() : length;
        precision = precision == null ? Optional.empty() : precision;
        scale = scale == null ? Optional.empty() : scale;
        raw = raw == null ? name : raw;
    }

    /** True when this is the user type {@code type} (or an array of it), named qualified or bare. */
    public boolean isType(QualifiedName type) {
        String bare = name.replace("\"", "");
        return bare.equals(type.toString()) || bare.equals(type.name());
    }

    /** A type without modifiers. */
    public static DataType of(String name) {
        return new DataType(name, Optional.empty(), Optional.empty(), Optional.empty(), 0, name);
    }
}
