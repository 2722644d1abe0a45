package dev.godwit.snapshot;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import dev.godwit.error.ErrorCode;
import dev.godwit.error.GodwitException;
import dev.godwit.model.Catalog;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads snapshots written by {@link SnapshotWriter}, of this format version or an older one. A newer version is
 * refused: it may hold facts this Godwit would silently drop.
 */
public final class SnapshotReader {

    private static final JsonFactory JSON = new JsonFactory();

    private SnapshotReader() {
    }

    /** Reads a snapshot file; every error names the file. */
    public static Snapshot read(Path file) {
        try {
            return fromJson(Files.readString(file, StandardCharsets.UTF_8), file.toString());
        } catch (NoSuchFileException e) {
            throw new GodwitException(ErrorCode.MIGRATION_SOURCE, "The snapshot " + file + " does not exist. Write it "
                    + "with `godwit snapshot`.", e);
        } catch (IOException e) {
            throw new GodwitException(ErrorCode.MIGRATION_SOURCE, "Cannot read the snapshot " + file + ": "
                    + e.getMessage(), e);
        }
    }

    /**
     * Reads snapshot text.
     *
     * @param source what to call the text in error messages (its file name)
     */
    public static Snapshot fromJson(String json, String source) {
        Object tree;
        try (JsonParser p = JSON.createParser(json)) {
            tree = value(p, p.nextToken());
            if (p.nextToken() != null) {
                throw new JsonProcessingException("more follows the end of the snapshot", p.currentLocation()) { };
            }
        } catch (JsonProcessingException e) {
            throw new GodwitException(ErrorCode.MIGRATION_SOURCE, source + " is not valid JSON (line "
                    + e.getLocation().getLineNr() + "): " + e.getOriginalMessage() + ".", e);
        } catch (IOException e) {
            throw new IllegalStateException("reading JSON from memory cannot fail", e);
        }
        if (!(tree instanceof Map<?, ?> root) || !Snapshot.FORMAT.equals(root.get("format"))) {
            throw new GodwitException(ErrorCode.MIGRATION_SOURCE, source + " is not a Godwit snapshot (it has no "
                    + "\"format\": \"" + Snapshot.FORMAT + "\" header). Write one with `godwit snapshot`.");
        }
        if (!(root.get("version") instanceof Number version)) {
            throw new GodwitException(ErrorCode.MIGRATION_SOURCE, source + " has no format version.");
        }
        if (version.longValue() > Snapshot.VERSION) {
            throw new GodwitException(ErrorCode.MIGRATION_SOURCE, source + " is snapshot format version " + version
                    + "; this Godwit reads versions up to " + Snapshot.VERSION + ". Upgrade Godwit to read it.");
        }
        try {
            Catalog catalog = (Catalog) RecordTree.fromTree(root, Catalog.class, "$");
            Object revision = root.get("revision");
            return new Snapshot(catalog, Optional.ofNullable(revision == null ? null : String.valueOf(revision)));
        } catch (RecordTree.SnapshotFormatException e) {
            throw new GodwitException(ErrorCode.MIGRATION_SOURCE, source + " does not hold a valid schema: "
                    + e.getMessage() + ". Rebuild it with `godwit snapshot --reflect`.", e);
        }
    }

    private static Object value(JsonParser p, JsonToken token) throws IOException {
        if (token == null) {
            throw new JsonProcessingException("the document is empty", p.currentLocation()) { };
        }
        return switch (token) {
            case START_OBJECT -> {
                Map<String, Object> map = new LinkedHashMap<>();
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String name = p.currentName();
                    map.put(name, value(p, p.nextToken()));
                }
                yield map;
            }
            case START_ARRAY -> {
                List<Object> list = new ArrayList<>();
                JsonToken next;
                while ((next = p.nextToken()) != JsonToken.END_ARRAY) {
                    list.add(value(p, next));
                }
                yield list;
            }
            case VALUE_STRING -> p.getText();
            case VALUE_NUMBER_INT -> p.getLongValue();
            case VALUE_TRUE -> Boolean.TRUE;
            case VALUE_FALSE -> Boolean.FALSE;
            case VALUE_NULL -> null;
            default -> throw new JsonProcessingException("unexpected " + token, p.currentLocation()) { };
        };
    }
}
