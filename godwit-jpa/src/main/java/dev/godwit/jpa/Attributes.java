package dev.godwit.jpa;

import dev.godwit.error.ErrorCode;
import dev.godwit.error.GodwitException;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Embedded;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.Transient;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.List;

/**
 * The persistent attributes of an entity or embeddable, read from its fields (field access: JPA's default when
 * {@code @Id} is on a field, and what nearly every model uses). Fields of {@code @MappedSuperclass} superclasses come
 * first; static, {@code transient} and {@code @Transient} fields are not persistent.
 */
final class Attributes {

    private Attributes() {
    }

    static List<Field> of(Class<?> type) {
        List<Class<?>> chain = new ArrayList<>();
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            if (c != type && c.isAnnotationPresent(Entity.class)) {
                throw new GodwitException(ErrorCode.UNSUPPORTED, "unsupported: entity inheritance (" + type.getName()
                        + " extends the entity " + c.getName() + "). Use a @MappedSuperclass, or write this part "
                        + "of the schema in SQL.");
            }
            if (c == type || c.isAnnotationPresent(MappedSuperclass.class)) {
                chain.add(0, c);
            }
        }
        List<Field> out = new ArrayList<>();
        for (Class<?> c : chain) {
            for (Field f : c.getDeclaredFields()) {
                int m = f.getModifiers();
                if (!Modifier.isStatic(m) && !Modifier.isTransient(m) && !f.isSynthetic()
                        && !f.isAnnotationPresent(Transient.class)) {
                    out.add(f);
                }
            }
        }
        return out;
    }

    /** Whether the attribute's columns come from an embeddable. */
    static boolean embedded(Field f) {
        return f.isAnnotationPresent(Embedded.class) || f.isAnnotationPresent(EmbeddedId.class)
                || f.getType().isAnnotationPresent(Embeddable.class);
    }

    /** The element type of a collection attribute ({@code Set<Tag>} gives {@code Tag}), or {@code explicit}. */
    static Class<?> element(Field f, Class<?> explicit) {
        if (explicit != null && explicit != void.class) {
            return explicit;
        }
        Type t = f.getGenericType();
        if (t instanceof ParameterizedType p && p.getActualTypeArguments().length == 1
                && p.getActualTypeArguments()[0] instanceof Class<?> c) {
            return c;
        }
        throw new GodwitException(ErrorCode.CONFIG, "Cannot tell the element type of " + describe(f)
                + ": declare it as Set<Entity> or List<Entity>, or give targetEntity.");
    }

    static String describe(Field f) {
        return f.getDeclaringClass().getSimpleName() + "." + f.getName();
    }
}
