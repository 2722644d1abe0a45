package dev.godwit.snapshot;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
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
 * writer, and builds records back for the reader, from the parser or from parsed trees, by their record components.
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
    private record Where(Where parent, String name, int index) {
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

    private static Object fromTree(Object tree, Type type, Where path) {
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

    /**
     * The value of {@code type} that the parser's current token ({@code token}) starts, read straight from the
     * parser: the same rules as {@link #fromTree}, without first building the tree (for a 5,000-table snapshot,
     * hundreds of thousands of maps and lists that would be thrown away at once).
     */
    static Object read(JsonParser p, JsonToken token, Type type, String root) throws IOException {
        return read(p, token, type, new Where(null, root, -1));
    }

    private static Object read(JsonParser p, JsonToken token, Type type, Where path) throws IOException {
        Class<?> raw = rawClass(type);
        if (token == JsonToken.VALUE_NULL) {
            return fromTree(null, type, path);
        }
        if (raw == Optional.class) {
            return Optional.of(read(p, token, argument(type, 0), path));
        }
        if (raw == List.class) {
            expectToken(p, token, JsonToken.START_ARRAY, List.class, path);
            List<Object> out = new ArrayList<>();
            JsonToken next;
            int i = 0;
            while ((next = p.nextToken()) != JsonToken.END_ARRAY) {
                out.add(read(p, next, argument(type, 0), path.item(i++)));
            }
            return out;
        }
        if (raw == Map.class) {
            expectToken(p, token, JsonToken.START_OBJECT, Map.class, path);
            Map<String, Object> out = new TreeMap<>();
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String key = p.currentName();
                out.put(key, read(p, p.nextToken(), argument(type, 1), path.field(key)));
            }
            return out;
        }
        if (raw.isRecord()) {
            expectToken(p, token, JsonToken.START_OBJECT, Map.class, path);
            Fields fields = new Fields(raw, path);
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                fields.read(name, p, p.nextToken());
            }
            return fields.build();
        }
        if (raw.isEnum()) {
            expectToken(p, token, JsonToken.VALUE_STRING, String.class, path);
            return enumValue(raw, p.getText(), path);
        }
        if (raw == String.class) {
            expectToken(p, token, JsonToken.VALUE_STRING, String.class, path);
            return p.getText();
        }
        if (raw == boolean.class || raw == Boolean.class) {
            if (token != JsonToken.VALUE_TRUE && token != JsonToken.VALUE_FALSE) {
                throw mismatch(p, token, Boolean.class, path);
            }
            return token == JsonToken.VALUE_TRUE;
        }
        if (raw == int.class || raw == Integer.class || raw == long.class || raw == Long.class) {
            expectToken(p, token, JsonToken.VALUE_NUMBER_INT, Number.class, path);
            return fromTree(p.getLongValue(), type, path);
        }
        throw new IllegalStateException("the snapshot format cannot hold " + type);
    }

    /** A record's components as they are read, by name, from the parser or from a tree; absent ones at build(). */
    static Fields fields(Class<?> type, String root) {
        return new Fields(type, new Where(null, root, -1));
    }

    static final class Fields {
        private final Class<?> type;
        private final Where path;
        private final Shape shape;
        private final Object[] values;
        private final boolean[] present;

        private Fields(Class<?> type, Where path) {
            this.type = type;
            this.path = path;
            this.shape = SHAPES.get(type);
            this.values = new Object[shape.names.length];
            this.present = new boolean[values.length];
        }

        /** Reads component {@code name} from the value {@code token} starts; skips a name the record does not have. */
        void read(String name, JsonParser p, JsonToken token) throws IOException {
            Integer i = shape.index.get(name);
            if (i == null) {
                p.skipChildren(); // not a component of this version's model, as fromTree ignores it
            } else {
                values[i] = RecordTree.read(p, token, shape.types[i], path.field(name));
                present[i] = true;
            }
        }

        /** Component {@code name} from a tree; ignored when the record does not have it. */
        void fromTree(String name, Object tree) {
            Integer i = shape.index.get(name);
            if (i != null) {
                values[i] = RecordTree.fromTree(tree, shape.types[i], path.field(name));
                present[i] = true;
            }
        }

        Object build() {
            for (int i = 0; i < values.length; i++) {
                if (!present[i]) {
                    values[i] = RecordTree.fromTree(null, shape.types[i], path.field(shape.names[i]));
                }
            }
            return construct(type, shape, values, path);
        }
    }

    private static void expectToken(JsonParser p, JsonToken token, JsonToken wanted, Class<?> type, Where path)
            throws IOException {
        if (token != wanted) {
            throw mismatch(p, token, type, path);
        }
    }

    /** The same message as {@link #expect} gives for a tree value; an object or array is shown as its braces. */
    private static SnapshotFormatException mismatch(JsonParser p, JsonToken token, Class<?> type, Where path)
            throws IOException {
        String shown = token == JsonToken.START_OBJECT ? "{...}" : token == JsonToken.START_ARRAY ? "[...]"
                : p.getText();
        return new SnapshotFormatException(path + " should be " + describe(type) + ", not " + shown);
    }

    private static Object record(Class<?> type, Map<?, ?> tree, Where path) {
        Shape shape = SHAPES.get(type);
        Object[] values = new Object[shape.names.length];
        for (int i = 0; i < values.length; i++) {
            values[i] = fromTree(tree.get(shape.names[i]), shape.types[i], path.field(shape.names[i]));
        }
        return construct(type, shape, values, path);
    }

    private static Object construct(Class<?> type, Shape shape, Object[] values, Where path) {
        try {
            return shape.constructor.newInstance(values);
        } catch (ReflectiveOperationException e) {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            throw new SnapshotFormatException(path + " is not a valid " + type.getSimpleName() + ": "
                    + cause.getMessage());
        }
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Object enumValue(Class<?> type, String name, Where path) {
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

    private static final class Shape {
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
