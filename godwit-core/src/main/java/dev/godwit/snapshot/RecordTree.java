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
 * Turns model records into plain trees (sorted maps, lists, strings, numbers, booleans) and back, by their record
 * components. Optional.empty and null are left out of the tree and come back as empty or null; empty lists and maps
 * are left out too, so a snapshot shows only what a schema has. Adding a component to a model record therefore
 * needs no change here, and older snapshots without it still read.
 */
final class RecordTree {

    private RecordTree() {
    }

    /** The tree of a record, list, map, enum or scalar; null for what is to be left out. */
    static Object toTree(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof Optional<?> optional) {
            return optional.map(RecordTree::toTree).orElse(null);
        }
        if (value instanceof Record record) {
            Shape shape = SHAPES.get(record.getClass());
            Map<String, Object> tree = new TreeMap<>();
            for (int i = 0; i < shape.names.length; i++) {
                Object child = toTree(shape.read(i, record));
                if (child != null) {
                    tree.put(shape.names[i], child);
                }
            }
            return tree;
        }
        if (value instanceof Collection<?> list) {
            return list.isEmpty() ? null : list.stream().map(RecordTree::toTree).toList();
        }
        if (value instanceof Map<?, ?> map) {
            if (map.isEmpty()) {
                return null;
            }
            Map<String, Object> tree = new TreeMap<>();
            map.forEach((k, v) -> tree.put(String.valueOf(k), toTree(v)));
            return tree;
        }
        if (value instanceof Enum<?> e) {
            return e.name();
        }
        return value;
    }

    /** The value of {@code type} that {@code tree} describes. */
    static Object fromTree(Object tree, Type type, String path) {
        Class<?> raw = rawClass(type);
        if (raw == Optional.class) {
            return tree == null ? Optional.empty() : Optional.of(fromTree(tree, argument(type, 0), path));
        }
        if (raw == List.class) {
            List<Object> out = new ArrayList<>();
            if (tree != null) {
                int i = 0;
                for (Object item : expect(tree, List.class, path)) {
                    out.add(fromTree(item, argument(type, 0), path + "[" + i++ + "]"));
                }
            }
            return out;
        }
        if (raw == Map.class) {
            Map<String, Object> out = new TreeMap<>();
            if (tree != null) {
                expect(tree, Map.class, path).forEach((k, v) -> out.put(String.valueOf(k),
                        fromTree(v, argument(type, 1), path + "." + k)));
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

    private static Object record(Class<?> type, Map<?, ?> tree, String path) {
        Shape shape = SHAPES.get(type);
        Object[] values = new Object[shape.names.length];
        for (int i = 0; i < values.length; i++) {
            values[i] = fromTree(tree.get(shape.names[i]), shape.types[i], path + "." + shape.names[i]);
        }
        try {
            return shape.constructor.newInstance(values);
        } catch (ReflectiveOperationException e) {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            throw new SnapshotFormatException(path + " is not a valid " + type.getSimpleName() + ": "
                    + cause.getMessage());
        }
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Object enumValue(Class<?> type, String name, String path) {
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
    private static final ClassValue<Shape> SHAPES = new ClassValue<>() {
        @Override
        protected Shape computeValue(Class<?> type) {
            return new Shape(type);
        }
    };

    private static final class Shape {
        final String[] names;
        final Type[] types;
        final java.lang.reflect.Method[] accessors;
        final Constructor<?> constructor;

        Shape(Class<?> type) {
            RecordComponent[] components = type.getRecordComponents();
            names = new String[components.length];
            types = new Type[components.length];
            accessors = new java.lang.reflect.Method[components.length];
            Class<?>[] raw = new Class<?>[components.length];
            for (int i = 0; i < components.length; i++) {
                names[i] = components[i].getName();
                types[i] = components[i].getGenericType();
                accessors[i] = components[i].getAccessor();
                accessors[i].setAccessible(true);
                raw[i] = components[i].getType();
            }
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

    private static <T> T expect(Object tree, Class<T> type, String path) {
        if (!type.isInstance(tree)) {
            throw new SnapshotFormatException(path + " should be " + describe(type) + ", not " + tree);
        }
        return type.cast(tree);
    }

    private static String describe(Class<?> type) {
        return type == Map.class ? "an object" : type == List.class ? "an array" : type == String.class ? "a string"
                : type == Boolean.class ? "true or false" : "a number";
    }

    private static Class<?> rawClass(Type type) {
        return type instanceof ParameterizedType p ? (Class<?>) p.getRawType() : (Class<?>) type;
    }

    private static Type argument(Type type, int index) {
        return ((ParameterizedType) type).getActualTypeArguments()[index];
    }

    /** A snapshot whose content does not fit the model; the reader adds the file name. */
    static final class SnapshotFormatException extends RuntimeException {
        SnapshotFormatException(String message) {
            super(message);
        }
    }
}
