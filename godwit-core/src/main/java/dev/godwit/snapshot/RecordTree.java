package dev.godwit.snapshot;

import java.lang.reflect.Constructor;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Walks model records as JSON-shaped trees (objects with sorted keys, arrays, strings, numbers, booleans) for the
 * writer, and builds records back from parsed trees for the reader ({@link RecordParser} reads them from the parser
 * itself), by their record components.
 * Optional.empty and null are left out of the tree and come back as empty or null; empty lists and maps are left out
 * too, so a snapshot shows only what a schema has. Adding a component to a model record therefore
 * needs no change here, and older snapshots without it still read.
 */
final class RecordTree {

    private RecordTree() {
    }

    /** The value of {@code type} that {@code tree} describes; {@code root} names the tree in error messages. */
    static Object fromTree(Object tree, Type type, String root) {
        return fromTree(tree, type, new Where(null, root, -1));
    }

    /**
     * Where a value is in the tree, as a chain to its parent, spelled out ({@code $.schemas[0].name}) only for an
     * error message: building the text for each of the hundreds of thousands of values read would cost more than
     * reading them.
     */
    record Where(Where parent, String name, int index) {
        Where field(String field) {
            return new Where(this, field, -1);
        }

        Where item(int i) {
            return new Where(this, null, i);
        }

        @Override
        public String toString() {
            String here = name != null ? (parent == null ? name : "." + name) : "[" + index + "]";
            return parent == null ? here : parent + here;
        }
    }

    static Object fromTree(Object tree, Type type, Where path) {
        Class<?> raw = rawClass(type);
        if (raw == Optional.class) {
            return tree == null ? Optional.empty() : Optional.of(fromTree(tree, argument(type, 0), path));
        }
        if (raw == List.class) {
            List<Object> out = new ArrayList<>();
            if (tree != null) {
                int i = 0;
                for (Object item : expect(tree, List.class, path)) {
                    out.add(fromTree(item, argument(type, 0), path.item(i++)));
                }
            }
            return out;
        }
        if (raw == Map.class) {
            Map<String, Object> out = new TreeMap<>();
            if (tree != null) {
                expect(tree, Map.class, path).forEach((k, v) -> out.put(String.valueOf(k),
                        fromTree(v, argument(type, 1), path.field(String.valueOf(k)))));
            }
            return out;
        }
        if (tree == null) {
            if (raw.isPrimitive()) {
                throw new SnapshotFormatException(path + " is missing");
            }
            return null;
        }
        if (raw.isRecord()) {
            return record(raw, expect(tree, Map.class, path), path);
        }
        if (raw.isEnum()) {
            return enumValue(raw, expect(tree, String.class, path), path);
        }
        if (raw == String.class) {
            return expect(tree, String.class, path);
        }
        if (raw == boolean.class || raw == Boolean.class) {
            return expect(tree, Boolean.class, path);
        }
        if (raw == int.class || raw == Integer.class) {
            long value = expect(tree, Number.class, path).longValue();
            if (value != (int) value) {
                throw new SnapshotFormatException(path + " is " + value + ", out of range for a whole number");
            }
            return (int) value;
        }
        if (raw == long.class || raw == Long.class) {
            return expect(tree, Number.class, path).longValue();
        }
        throw new IllegalStateException("the snapshot format cannot hold " + type);
    }

    private static Object record(Class<?> type, Map<?, ?> tree, Where path) {
        Shape shape = SHAPES.get(type);
        Object[] values = new Object[shape.names.length];
        for (int i = 0; i < values.length; i++) {
            values[i] = fromTree(tree.get(shape.names[i]), shape.types[i], path.field(shape.names[i]));
        }
        return construct(type, shape, values, path);
    }

    static Object construct(Class<?> type, Shape shape, Object[] values, Where path) {
        try {
            return shape.constructor.newInstance(values);
        } catch (ReflectiveOperationException e) {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            throw new SnapshotFormatException(path + " is not a valid " + type.getSimpleName() + ": "
                    + cause.getMessage());
        }
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    static Object enumValue(Class<?> type, String name, Where path) {
        try {
            return Enum.valueOf((Class) type, name);
        } catch (IllegalArgumentException e) {
            throw new SnapshotFormatException(path + " has the unknown value '" + name + "'");
        }
    }

    /**
     * A record class's components, accessors and canonical constructor, looked up once per class: reflection's
     * {@code getRecordComponents()} parses class metadata on every call, far too slow for thousands of tables.
     */
    static final ClassValue<Shape> SHAPES = new ClassValue<>() {
        @Override
        protected Shape computeValue(Class<?> type) {
            return new Shape(type);
        }
    };

    /**
     * Receives a value's tree as it is walked, never built: records as objects with their components in name order,
     * absent values (null, empty Optional, empty list or map) left out. The writer streams a large catalog through
     * this instead of first copying it into maps.
     */
    interface Visitor {
        void startObject() throws java.io.IOException;

        void field(String name) throws java.io.IOException;

        void endObject() throws java.io.IOException;

        void startArray() throws java.io.IOException;

        void endArray() throws java.io.IOException;

        void scalar(Object value) throws java.io.IOException;
    }

    /** True when the value is left out of the tree. */
    static boolean absent(Object value) {
        return value == null || value instanceof Optional<?> o && (o.isEmpty() || absent(o.get()))
                || value instanceof Collection<?> c && c.isEmpty() || value instanceof Map<?, ?> m && m.isEmpty();
    }

    /** Visits the present components of a record, in name order, except {@code skip}, without the braces. */
    static void visitComponents(Record record, Visitor v, String skip) throws java.io.IOException {
        Shape shape = SHAPES.get(record.getClass());
        for (int i : shape.sortedIndexes) {
            Object child = shape.read(i, record);
            if (!shape.names[i].equals(skip) && !absent(child)) {
                v.field(shape.names[i]);
                visit(child, v);
            }
        }
    }

    /** Visits {@code value}, which is not absent. */
    static void visit(Object value, Visitor v) throws java.io.IOException {
        if (value instanceof Optional<?> optional) {
            visit(optional.get(), v);
        } else if (value instanceof Record record) {
            v.startObject();
            visitComponents(record, v, null);
            v.endObject();
        } else if (value instanceof Collection<?> list) {
            v.startArray();
            for (Object item : list) {
                visit(item, v);
            }
            v.endArray();
        } else if (value instanceof Map<?, ?> map) {
            v.startObject();
            for (Map.Entry<String, Object> e : new TreeMap<String, Object>(stringKeys(map)).entrySet()) {
                v.field(e.getKey());
                visit(e.getValue(), v);
            }
            v.endObject();
        } else if (value instanceof Enum<?> e) {
            v.scalar(e.name());
        } else {
            v.scalar(value);
        }
    }

    private static Map<String, Object> stringKeys(Map<?, ?> map) {
        Map<String, Object> out = new TreeMap<>();
        map.forEach((k, val) -> out.put(String.valueOf(k), val));
        return out;
    }

    static final class Shape {
        final int[] sortedIndexes;
        final String[] names;
        final Type[] types;
        final java.lang.reflect.Method[] accessors;
        final Constructor<?> constructor;
        /** Component positions by name. */
        final Map<String, Integer> index = new java.util.HashMap<>();

        Shape(Class<?> type) {
            RecordComponent[] components = type.getRecordComponents();
            names = new String[components.length];
            types = new Type[components.length];
            accessors = new java.lang.reflect.Method[components.length];
            Class<?>[] raw = new Class<?>[components.length];
            for (int i = 0; i < components.length; i++) {
                names[i] = components[i].getName();
                index.put(names[i], i);
                types[i] = components[i].getGenericType();
                accessors[i] = components[i].getAccessor();
                accessors[i].setAccessible(true);
                raw[i] = components[i].getType();
            }
            sortedIndexes = java.util.stream.IntStream.range(0, names.length).boxed()
                    .sorted(java.util.Comparator.comparing(i -> names[i])).mapToInt(Integer::intValue).toArray();
            try {
                constructor = type.getDeclaredConstructor(raw);
                constructor.setAccessible(true);
            } catch (NoSuchMethodException e) {
                throw new IllegalStateException("a record always has its canonical constructor", e);
            }
        }

        Object read(int i, Record record) {
            try {
                return accessors[i].invoke(record);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("cannot read " + names[i] + " of " + record.getClass(), e);
            }
        }
    }

    private static <T> T expect(Object tree, Class<T> type, Where path) {
        if (!type.isInstance(tree)) {
            throw new SnapshotFormatException(path + " should be " + describe(type) + ", not " + tree);
        }
        return type.cast(tree);
    }

    static String describe(Class<?> type) {
        return type == Map.class ? "an object" : type == List.class ? "an array" : type == String.class ? "a string"
                : type == Boolean.class ? "true or false" : "a number";
    }

    static Class<?> rawClass(Type type) {
        return type instanceof ParameterizedType p ? (Class<?>) p.getRawType() : (Class<?>) type;
    }

    static Type argument(Type type, int index) {
        return ((ParameterizedType) type).getActualTypeArguments()[index];
    }

    /** A snapshot whose content does not fit the model; the reader adds the file name. */
    static final class SnapshotFormatException extends RuntimeException {
        SnapshotFormatException(String message) {
            super(message);
        }
    }
}
