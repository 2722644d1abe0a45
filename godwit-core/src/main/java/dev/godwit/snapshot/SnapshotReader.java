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
import java.util.Set;
import java.util.function.Supplier;

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
        try (JsonParser p = JSON.createParser(json)) {
            Supplier<Snapshot> snapshot = read(p, source);
            if (p.nextToken() != null) {
                throw new JsonProcessingException("more follows the end of the snapshot", p.currentLocation()) { };
            }
            return snapshot.get();
        } catch (JsonProcessingException e) {
            throw new GodwitException(ErrorCode.MIGRATION_SOURCE, source + " is not valid JSON (line "
                    + e.getLocation().getLineNr() + "): " + e.getOriginalMessage() + ".", e);
        } catch (IOException e) {
            throw new IllegalStateException("reading JSON from memory cannot fail", e);
        } catch (RecordTree.SnapshotFormatException e) {
            throw new GodwitException(ErrorCode.MIGRATION_SOURCE, source + " does not hold a valid schema: "
                    + e.getMessage() + ". Rebuild it with `godwit snapshot --reflect`.", e);
        }
    }

    /**
     * Reads the root object in one pass. The catalog's fields are bound to the model as they are parsed once the
     * header ({@code format}, {@code version}) has been checked, which is always the case for a snapshot Godwit
     * wrote (the header comes first); fields before a header that comes later are kept as trees and bound after the
     * check. What is left to do once the document has been read to its end comes back as the supplier.
     */
    private static Supplier<Snapshot> read(JsonParser p, String source) throws IOException {
        JsonToken first = p.nextToken();
        if (first != JsonToken.START_OBJECT) {
            value(p, first); // a JSON error first, as for any other document
            throw notASnapshot(source);
        }
        Map<String, Object> header = new LinkedHashMap<>();
        Map<String, Object> early = new LinkedHashMap<>();
        RecordParser.Fields catalog = RecordParser.fields(Catalog.class, "$");
        boolean checked = false;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            JsonToken token = p.nextToken();
            if (HEADER.contains(name)) {
                header.put(name, value(p, token));
                continue;
            }
            if (!checked && header.containsKey("format") && header.containsKey("version")) {
                check(header, source);
                checked = true;
            }
            if (checked) {
                catalog.read(name, p, token);
            } else {
                early.put(name, value(p, token));
            }
        }
        boolean headerChecked = checked;
        return () -> {
            if (!headerChecked) {
                check(header, source);
            }
            early.forEach(catalog::fromTree);
            Object revision = header.get("revision");
            return new Snapshot((Catalog) catalog.build(),
                    Optional.ofNullable(revision == null ? null : String.valueOf(revision)));
        };
    }

    /** The header fields; the catalog's {@code dialect} is one of its fields, read with them. */
    private static final Set<String> HEADER = Set.of("format", "version", "revision");

    private static void check(Map<String, Object> header, String source) {
        if (!Snapshot.FORMAT.equals(header.get("format"))) {
            throw notASnapshot(source);
        }
        if (!(header.get("version") instanceof Number version)) {
            throw new GodwitException(ErrorCode.MIGRATION_SOURCE, source + " has no format version.");
        }
        if (version.longValue() > Snapshot.VERSION) {
            throw new GodwitException(ErrorCode.MIGRATION_SOURCE, source + " is snapshot format version " + version
                    + "; this Godwit reads versions up to " + Snapshot.VERSION + ". Upgrade Godwit to read it.");
        }
    }

    private static GodwitException notASnapshot(String source) {
        return new GodwitException(ErrorCode.MIGRATION_SOURCE, source + " is not a Godwit snapshot (it has no "
                + "\"format\": \"" + Snapshot.FORMAT + "\" header). Write one with `godwit snapshot`.");
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
