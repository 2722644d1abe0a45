package dev.godwit.jpa;

import dev.godwit.model.QualifiedName;
import dev.godwit.model.Sequence;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.SequenceGenerator;
import java.lang.reflect.Field;
import java.util.Optional;

/**
 * The sequence behind {@code @GeneratedValue(SEQUENCE)} (and AUTO on PostgreSQL). With a {@code @SequenceGenerator}
 * (on the field or the entity class) its name, start and allocation size; without one, Hibernate 6's default:
 * {@code <table>_seq}, starting at 1, incremented by 50 (the allocation size, so Hibernate can hand out 50 ids
 * per round trip).
 */
final class Generators {

    private Generators() {
    }

    static Sequence sequence(Field f, Class<?> entity, GeneratedValue generated, QualifiedName table, JpaNames names) {
        SequenceGenerator g = f.getAnnotation(SequenceGenerator.class);
        if (g == null || !g.name().equals(generated.generator()) && !generated.generator().isEmpty()) {
            SequenceGenerator onClass = entity.getAnnotation(SequenceGenerator.class);
            g = onClass != null && (generated.generator().isEmpty() || onClass.name().equals(generated.generator()))
                    ? onClass : g;
        }
        String name;
        long start = 1;
        long increment = 50;
        String schema = table.schema();
        if (g != null) {
            name = g.sequenceName().isEmpty() ? g.name() : g.sequenceName();
            start = g.initialValue();
            increment = g.allocationSize();
            schema = g.schema().isEmpty() ? schema : names.physical(g.schema());
        } else if (!generated.generator().isEmpty()) {
            name = generated.generator();
        } else {
            return new Sequence(QualifiedName.of(schema, table.name() + "_seq"), "bigint", start, increment, 1,
                    Long.MAX_VALUE, 1, false, Optional.empty());
        }
        return new Sequence(QualifiedName.of(schema, names.physical(name)), "bigint", start, increment, 1,
                Long.MAX_VALUE, 1, false, Optional.empty());
    }
}
