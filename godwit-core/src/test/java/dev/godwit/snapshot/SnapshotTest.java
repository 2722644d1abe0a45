package dev.godwit.snapshot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.godwit.error.GodwitException;
import dev.godwit.model.Catalog;
import dev.godwit.model.Check;
import dev.godwit.model.Column;
import dev.godwit.model.CompositeType;
import dev.godwit.model.DataType;
import dev.godwit.model.Deferrable;
import dev.godwit.model.Domain;
import dev.godwit.model.EnumType;
import dev.godwit.model.Extension;
import dev.godwit.model.ForeignKey;
import dev.godwit.model.Index;
import dev.godwit.model.PrimaryKey;
import dev.godwit.model.QualifiedName;
import dev.godwit.model.Routine;
import dev.godwit.model.Schema;
import dev.godwit.model.Sequence;
import dev.godwit.model.Table;
import dev.godwit.model.Trigger;
import dev.godwit.model.UniqueConstraint;
import dev.godwit.model.View;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SnapshotTest {

    /** A catalog that uses every record of the model and every optional field at least once. */
    static Catalog everything() {
        QualifiedName users = QualifiedName.of("app", "users");
        Column id = new Column("id", DataType.of("bigint"), false, Optional.empty(),
                Optional.of(new Column.Identity(true, Optional.of("START WITH 10"))), Optional.empty(),
                Optional.empty(), Optional.of("the \"key\"\nsecond line"));
        Column name = new Column("name", new DataType("character varying", Optional.of(40), Optional.empty(),
                Optional.empty(), 1, "character varying(40)[]"), true, Optional.of("'{}'::character varying[]"),
                Optional.empty(), Optional.empty(), Optional.of("C"), Optional.empty());
        Column total = new Column("total", new DataType("numeric", Optional.empty(), Optional.of(10), Optional.of(2), 0,
                "numeric(10,2)"), true, Optional.empty(), Optional.empty(), Optional.of("(id * 2)"), Optional.empty(),
                Optional.empty());
        Table table = new Table(users, List.of(id, name, total), Optional.of(new PrimaryKey("users_pkey",
                List.of("id"), Deferrable.DEFERRABLE_INITIALLY_IMMEDIATE)), List.of(new UniqueConstraint("users_name_key", List.of("name"),
                Deferrable.DEFERRABLE_INITIALLY_DEFERRED)), List.of(new Index("users_lower", true, "btree",
                List.of(new Index.Key(Optional.empty(), Optional.of("lower(name)"), true, true)), List.of("total"),
                Optional.of("total > 0"), "CREATE UNIQUE INDEX users_lower ON app.users (lower(name))")),
                List.of(new ForeignKey("users_self", List.of("id"), users, List.of("id"), ForeignKey.Action.CASCADE,
                        ForeignKey.Action.SET_NULL, ForeignKey.Match.FULL, Deferrable.NOT_DEFERRABLE)),
                List.of(new Check("positive", "total > 0")), List.of(new Trigger("t", "CREATE TRIGGER t ...")),
                Optional.of("RANGE (id)"), Optional.of(new Table.PartitionOf(QualifiedName.of("app", "parent"),
                "FOR VALUES FROM (1) TO (2)")), true, Optional.of("people ✓"), Map.of("strict", "true"));
        // The other side of every Optional: a table, view, sequence, enum and domain with the optional parts empty.
        Table plain = new Table(QualifiedName.of("app", "plain"), List.of(new Column("n", DataType.of("integer"),
                false, Optional.empty(), Optional.of(new Column.Identity(false, Optional.empty())), Optional.empty(),
                Optional.empty(), Optional.empty())), Optional.empty(), List.of(), List.of(new Index("plain_n", false,
                "hash", List.of(Index.Key.column("n")), List.of(), Optional.empty(), "")), List.of(), List.of(),
                List.of(), Optional.empty(), Optional.empty(), false, Optional.empty(), Map.of());
        Schema app = new Schema("app", List.of(table, plain), List.of(new View(QualifiedName.of("app", "v"), true,
                "SELECT 1", List.of(users), List.of(new Index("v_i", true, "btree", List.of(Index.Key.column("x")),
                List.of(), Optional.empty(), "")), Optional.of("a view"), List.of(new Trigger("v_insert",
                "CREATE TRIGGER v_insert INSTEAD OF INSERT ON app.v FOR EACH ROW EXECUTE FUNCTION app.f()")),
                Map.of("x", "the x")), new View(QualifiedName.of("app", "w"),
                false, "SELECT 2", List.of(), List.of(), Optional.empty())),
                List.of(new Sequence(QualifiedName.of("app", "s"), "bigint", 1, 1, Long.MIN_VALUE, Long.MAX_VALUE, 1,
                        true, Optional.of("users.id"), Optional.of("ids")), new Sequence(QualifiedName.of("app", "t"), "integer", -5, -1,
                        -100, -1, 20, false, Optional.empty())),
                List.of(new EnumType(QualifiedName.of("app", "mood"), List.of("sad", "ok"), Optional.empty()),
                        new EnumType(QualifiedName.of("app", "size"), List.of(), Optional.of("sizes"))),
                List.of(new Domain(QualifiedName.of("app", "pos"), DataType.of("integer"), true, Optional.of("1"),
                        Optional.empty(), List.of(new Check("pos_check", "VALUE > 0")), Optional.empty()),
                        new Domain(QualifiedName.of("app", "word"), DataType.of("text"), false, Optional.empty(),
                                Optional.of("C"), List.of(), Optional.of("one word"))),
                List.of(new Routine(QualifiedName.of("app", "f"), "function", "integer", "CREATE FUNCTION ...")),
                Optional.of("the app"), List.of(new CompositeType(QualifiedName.of("app", "pair"), List.of(
                        Column.of("a", DataType.of("integer")), Column.of("b", DataType.of("text"))), Optional.empty()),
                        new CompositeType(QualifiedName.of("app", "unit"), List.of(), Optional.of("empty"))));
        return new Catalog("postgres", List.of(app, new Schema("empty", List.of(), List.of(), List.of(), List.of(),
                List.of(), List.of(), Optional.empty())), List.of(new Extension("citext", "public", "1.6")));
    }

    /**
     * Guards the round trip below against model growth: every record reachable from {@link Catalog} occurs in
     * {@link #everything()}, and every Optional component occurs both present and empty.
     */
    @Test
    void theTestCatalogUsesEveryModelRecordAndEveryOptionalBothWays() {
        Set<Class<?>> reachable = new HashSet<>();
        reachable(Catalog.class, reachable);
        Set<Class<?>> seen = new HashSet<>();
        Set<String> optionals = new TreeSet<>();
        walk(everything(), seen, optionals);
        List<String> missing = new ArrayList<>();
        for (Class<?> type : reachable) {
            if (!seen.contains(type)) {
                missing.add(type.getSimpleName());
            }
            for (RecordComponent c : type.getRecordComponents()) {
                if (c.getType() == Optional.class) {
                    for (String side : List.of(" present", " empty")) {
                        String key = type.getSimpleName() + "." + c.getName() + side;
                        if (!optionals.contains(key)) {
                            missing.add(key);
                        }
                    }
                }
            }
        }
        assertEquals(List.of(), missing.stream().sorted().toList(), "add these to everything()");
        assertTrue(reachable.size() >= 18, "walked the model: " + reachable);
    }

    private static void reachable(Type type, Set<Class<?>> out) {
        if (type instanceof ParameterizedType p) {
            for (Type argument : p.getActualTypeArguments()) {
                reachable(argument, out);
            }
        } else if (type instanceof Class<?> c && c.isRecord() && out.add(c)) {
            for (RecordComponent component : c.getRecordComponents()) {
                reachable(component.getGenericType(), out);
            }
        }
    }

    private static void walk(Object value, Set<Class<?>> seen, Set<String> optionals) {
        if (value instanceof Record r) {
            seen.add(r.getClass());
            for (RecordComponent c : r.getClass().getRecordComponents()) {
                Object child;
                try {
                    child = c.getAccessor().invoke(r);
                } catch (ReflectiveOperationException e) {
                    throw new AssertionError(e);
                }
                if (child instanceof Optional<?> o) {
                    optionals.add(r.getClass().getSimpleName() + "." + c.getName()
                            + (o.isPresent() ? " present" : " empty"));
                    o.ifPresent(v -> walk(v, seen, optionals));
                } else {
                    walk(child, seen, optionals);
                }
            }
        } else if (value instanceof Collection<?> list) {
            list.forEach(v -> walk(v, seen, optionals));
        } else if (value instanceof Map<?, ?> map) {
            map.values().forEach(v -> walk(v, seen, optionals));
        }
    }

    @Test
    void readingWhatWasWrittenGivesAnEqualCatalog() {
        Snapshot snapshot = new Snapshot(everything(), Optional.of("20261101000000_a"));
        assertEquals(snapshot, SnapshotReader.fromJson(SnapshotWriter.toJson(snapshot), "test.json"));
        Snapshot noRevision = new Snapshot(everything(), Optional.empty());
        assertEquals(noRevision, SnapshotReader.fromJson(SnapshotWriter.toJson(noRevision), "test.json"));
    }

    @Test
    void theSameSchemaGivesTheSameBytes() {
        String once = SnapshotWriter.toJson(new Snapshot(everything(), Optional.of("r1")));
        String again = SnapshotWriter.toJson(SnapshotReader.fromJson(once, "x"));
        assertEquals(once, again);
        assertTrue(once.startsWith("{\n  \"format\": \"godwit-snapshot\",\n  \"version\": 1,\n  \"dialect\": "
                + "\"postgres\",\n  \"revision\": \"r1\",\n"), once);
        assertTrue(once.endsWith("}\n"));
    }

    @Test
    void newerFormatVersionIsRefusedNamingBothVersions() {
        String newer = SnapshotWriter.toJson(new Snapshot(everything(), Optional.empty()))
                .replace("\"version\": 1", "\"version\": 7");
        GodwitException e = assertThrows(GodwitException.class, () -> SnapshotReader.fromJson(newer, "snap.json"));
        assertEquals("snap.json is snapshot format version 7; this Godwit reads versions up to 1. Upgrade Godwit "
                + "to read it.", e.getMessage());
    }

    @Test
    void somethingElseIsRefusedNamingTheFile(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("package.json");
        Files.writeString(file, "{\"name\": \"x\"}");
        assertTrue(assertThrows(GodwitException.class, () -> SnapshotReader.read(file)).getMessage()
                .startsWith(file + " is not a Godwit snapshot"));
        Files.writeString(file, "{\"format\": ");
        assertTrue(assertThrows(GodwitException.class, () -> SnapshotReader.read(file)).getMessage()
                .startsWith(file + " is not valid JSON"));
        String badEnum = SnapshotWriter.toJson(new Snapshot(everything(), Optional.empty()))
                .replace("\"CASCADE\"", "\"EXPLODE\"");
        assertTrue(assertThrows(GodwitException.class, () -> SnapshotReader.fromJson(badEnum, "s.json"))
                .getMessage().contains("has the unknown value 'EXPLODE'"));
    }

    /** Godwit writes the header first; a hand-edited file with it last reads the same, and is checked the same. */
    @Test
    void aHeaderAfterTheCatalogIsCheckedBeforeTheCatalogIsBound() {
        Snapshot read = SnapshotReader.fromJson("{\"schemas\": [{\"name\": \"public\"}], \"dialect\": \"postgres\", "
                + "\"revision\": \"r1\", \"format\": \"godwit-snapshot\", \"version\": 1}", "s.json");
        assertEquals(new Catalog("postgres", List.of(new Schema("public", List.of(), List.of(), List.of(), List.of(),
                List.of(), List.of(), Optional.empty())), List.of()), read.catalog());
        assertEquals(Optional.of("r1"), read.revision());
        String newer = "{\"schemas\": [{\"name\": \"public\", \"unheard_of\": 1, \"tables\": \"?\"}], "
                + "\"format\": \"godwit-snapshot\", \"version\": " + (Snapshot.VERSION + 1) + "}";
        assertTrue(assertThrows(GodwitException.class, () -> SnapshotReader.fromJson(newer, "s.json")).getMessage()
                .startsWith("s.json is snapshot format version " + (Snapshot.VERSION + 1)));
    }

    @Test
    void brokenSnapshotsAreRefusedNamingTheFileAndThePlace() {
        String good = SnapshotWriter.toJson(new Snapshot(everything(), Optional.of("r")));
        assertEquals("s.json is not valid JSON (line 1): more follows the end of the snapshot.",
                assertThrows(GodwitException.class, () -> SnapshotReader.fromJson("{\"format\": \"godwit-snapshot\", "
                        + "\"version\": 1} {}", "s.json")).getMessage());
        String huge = good.replaceFirst("\"length\": 40", "\"length\": 99999999999");
        assertTrue(assertThrows(GodwitException.class, () -> SnapshotReader.fromJson(huge, "s.json")).getMessage()
                .contains("length is 99999999999, out of range"));
        String unnamed = good.replaceFirst("\"name\": \"citext\",", "");
        assertTrue(assertThrows(GodwitException.class, () -> SnapshotReader.fromJson(unnamed, "s.json")).getMessage()
                .startsWith("s.json does not hold a valid schema: $.extensions[0] is not a valid Extension"));
        String wrongType = good.replaceFirst("\"unlogged\": true", "\"unlogged\": \"yes\"");
        assertTrue(assertThrows(GodwitException.class, () -> SnapshotReader.fromJson(wrongType, "s.json"))
                .getMessage().contains("$.schemas[0].tables[1].unlogged should be true or false, not yes"));
        assertTrue(assertThrows(GodwitException.class, () -> SnapshotReader.fromJson("", "empty.json")).getMessage()
                .startsWith("empty.json is not valid JSON"));
        assertTrue(assertThrows(GodwitException.class, () -> SnapshotReader.fromJson("{\"format\": "
                + "\"godwit-snapshot\"}", "s.json")).getMessage().startsWith("s.json has no format version"));
    }

    @Test
    void writesFilesAtomicallyCreatingTheDirectory(@TempDir Path dir) {
        Path file = dir.resolve("migrations/.godwit/snapshot.json");
        Snapshot snapshot = new Snapshot(everything(), Optional.of("r"));
        SnapshotWriter.write(snapshot, file);
        assertEquals(snapshot, SnapshotReader.read(file));
    }
}
