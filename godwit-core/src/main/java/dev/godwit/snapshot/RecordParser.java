package dev.godwit.snapshot;

import static dev.godwit.snapshot.RecordTree.argument;
import static dev.godwit.snapshot.RecordTree.construct;
import static dev.godwit.snapshot.RecordTree.describe;
import static dev.godwit.snapshot.RecordTree.enumValue;
import static dev.godwit.snapshot.RecordTree.fromTree;
import static dev.godwit.snapshot.RecordTree.rawClass;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.godwit.snapshot.RecordTree.Shape;
import dev.godwit.snapshot.RecordTree.SnapshotFormatException;
import dev.godwit.snapshot.RecordTree.Where;
import java.io.IOException;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Builds model records straight from jackson-core's parser, by the same rules as {@link RecordTree#fromTree}
 * (absent values, unknown names ignored, the same error messages), without first building the tree.
 */
final class RecordParser {

    private RecordParser() {
    }

    /**
     * The value of {@code type} that the parser's current token ({@code token}) starts, read straight from the
     * parser: the same rules as {@link RecordTree#fromTree}, without first building the tree (for a 5,000-table
     * snapshot, hundreds of thousands of maps and lists that would be thrown away at once).
     */
    static Object read(JsonParser p, JsonToken token, Type type, Where path) throws IOException {
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
            this.shape = RecordTree.SHAPES.get(type);
            this.values = new Object[shape.names.length];
            this.present = new boolean[values.length];
        }

        /** Reads component {@code name} from the value {@code token} starts; skips a name the record does not have. */
        void read(String name, JsonParser p, JsonToken token) throws IOException {
            Integer i = shape.index.get(name);
            if (i == null) {
                p.skipChildren(); // not a component of this version's model, as fromTree ignores it
            } else {
                values[i] = RecordParser.read(p, token, shape.types[i], path.field(name));
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

    /** The message {@code RecordTree.expect} gives for a tree value; an object or array is shown as its braces. */
    private static SnapshotFormatException mismatch(JsonParser p, JsonToken token, Class<?> type, Where path)
            throws IOException {
        String shown = token == JsonToken.START_OBJECT ? "{...}" : token == JsonToken.START_ARRAY ? "[...]"
                : p.getText();
        return new SnapshotFormatException(path + " should be " + describe(type) + ", not " + shown);
    }
}
