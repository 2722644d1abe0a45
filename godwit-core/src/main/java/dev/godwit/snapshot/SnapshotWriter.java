package dev.godwit.snapshot;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import dev.godwit.error.ErrorCode;
import dev.godwit.error.GodwitException;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Writes snapshots as canonical JSON: the header ({@code format}, {@code version}, {@code dialect},
 * {@code revision}) first, then the catalog with every object's keys sorted, 2-space indent, {@code "key": value},
 * a trailing newline. The same catalog always gives the same bytes, so snapshots diff well in version control.
 *
 * <p>{@code revision} is always written, {@code null} for a snapshot not tied to a migration. Everywhere else an empty
 * Optional, a null and an empty list or map are left out (absent, never {@code null}), and read back as empty.
 */
public final class SnapshotWriter {

    private static final JsonFactory JSON = new JsonFactory();
    private static final DefaultPrettyPrinter PRETTY = new DefaultPrettyPrinter()
            .withObjectIndenter(new DefaultIndenter("  ", "\n"))
            .withArrayIndenter(new DefaultIndenter("  ", "\n"))
            .withSeparators(Separators.createDefaultInstance()
                    .withObjectFieldValueSpacing(Separators.Spacing.AFTER));

    private SnapshotWriter() {
    }

    /** The snapshot as canonical JSON text. */
    public static String toJson(Snapshot snapshot) {
        StringWriter out = new StringWriter();
        try (JsonGenerator g = JSON.createGenerator(out)) {
            g.setPrettyPrinter(PRETTY);
            g.writeStartObject();
            g.writeStringField("format", Snapshot.FORMAT);
            g.writeNumberField("version", Snapshot.VERSION);
            g.writeStringField("dialect", snapshot.catalog().dialect());
            if (snapshot.revision().isPresent()) {
                g.writeStringField("revision", snapshot.revision().get());
            } else {
                g.writeNullField("revision");
            }
            // The catalog's own fields follow the header in name order (its dialect is already in the header).
            RecordTree.visitComponents(snapshot.catalog(), new Streaming(g), "dialect");
            g.writeEndObject();
        } catch (IOException e) {
            throw new IllegalStateException("writing JSON to memory cannot fail", e);
        }
        return out + "\n";
    }

    /** Writes the snapshot to {@code file} (its directory created when missing), replacing it atomically. */
    public static void write(Snapshot snapshot, Path file) {
        try {
            Path dir = file.toAbsolutePath().getParent();
            Files.createDirectories(dir);
            Path temporary = Files.createTempFile(dir, ".snapshot", ".tmp");
            Files.writeString(temporary, toJson(snapshot), StandardCharsets.UTF_8);
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new GodwitException(ErrorCode.GENERAL, "Cannot write the snapshot " + file + ": " + e.getMessage()
                    + ". Check that the directory is writable.", e);
        }
    }

    /** Writes what {@link RecordTree#visit} walks straight to the generator. */
    private record Streaming(JsonGenerator g) implements RecordTree.Visitor {
        @Override
        public void startObject() throws IOException {
            g.writeStartObject();
        }

        @Override
        public void field(String name) throws IOException {
            g.writeFieldName(name);
        }

        @Override
        public void endObject() throws IOException {
            g.writeEndObject();
        }

        @Override
        public void startArray() throws IOException {
            g.writeStartArray();
        }

        @Override
        public void endArray() throws IOException {
            g.writeEndArray();
        }

        @Override
        public void scalar(Object value) throws IOException {
            if (value instanceof String s) {
                g.writeString(s);
            } else if (value instanceof Boolean b) {
                g.writeBoolean(b);
            } else if (value instanceof Integer i) {
                g.writeNumber(i);
            } else if (value instanceof Long l) {
                g.writeNumber(l);
            } else {
                throw new IllegalStateException("the snapshot format cannot hold " + value.getClass());
            }
        }
    }
}
