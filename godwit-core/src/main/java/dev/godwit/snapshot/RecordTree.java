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
            Map<String, Object> tree = new TreeMap<>();
            for (RecordComponent component : record.getClass().getRecordComponents()) {
                Object child = toTree(read(component, record));
                if (child != null) {
                    tree.put(component.getName(), child);
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
            return Math.toIntExact(expect(tree, Number.class, path).longValue());
        }
        if (raw == long.class || raw == Long.class) {
            return expect(tree, Number.class, path).longValue();
        }
        throw new IllegalStateException("the snapshot format cannot hold " + type);
    }

    private static Object record(Class<?> type, Map<?, ?> tree, String path) {
        RecordComponent[] components = type.getRecordComponents();
        Class<?>[] types = new Class<?>[components.length];
        Object[] values = new Object[components.length];
        for (int i = 0; i < components.length; i++) {
            types[i] = components[i].getType();
            values[i] = fromTree(tree.get(components[i].getName()), components[i].getGenericType(),
                    path + "." + components[i].getName());
        }
        try {
            Constructor<?> constructor = type.getDeclaredConstructor(types);
            return constructor.newInstance(values);
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

    private static Object read(RecordComponent component, Record record) {
        try {
            return component.getAccessor().invoke(record);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot read " + component, e);
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
