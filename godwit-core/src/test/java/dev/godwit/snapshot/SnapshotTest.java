package dev.godwit.snapshot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.godwit.error.GodwitException;
import dev.godwit.model.Catalog;
import dev.godwit.model.Check;
import dev.godwit.model.Column;
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
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
                List.of("id"))), List.of(new UniqueConstraint("users_name_key", List.of("name"),
                Deferrable.DEFERRABLE_INITIALLY_DEFERRED)), List.of(new Index("users_lower", true, "btree",
                List.of(new Index.Key(Optional.empty(), Optional.of("lower(name)"), true, true)), List.of("total"),
                Optional.of("total > 0"), "CREATE UNIQUE INDEX users_lower ON app.users (lower(name))")),
                List.of(new ForeignKey("users_self", List.of("id"), users, List.of("id"), ForeignKey.Action.CASCADE,
                        ForeignKey.Action.SET_NULL, ForeignKey.Match.FULL, Deferrable.NOT_DEFERRABLE)),
                List.of(new Check("positive", "total > 0")), List.of(new Trigger("t", "CREATE TRIGGER t ...")),
                Optional.of("RANGE (id)"), Optional.of(new Table.PartitionOf(QualifiedName.of("app", "parent"),
                "FOR VALUES FROM (1) TO (2)")), true, Optional.of("people ✓"), Map.of("strict", "true"));
        Schema app = new Schema("app", List.of(table), List.of(new View(QualifiedName.of("app", "v"), true,
                "SELECT 1", List.of(users), List.of(), Optional.of("a view"))),
                List.of(new Sequence(QualifiedName.of("app", "s"), "bigint", 1, 1, 1, Long.MAX_VALUE, 1, true,
                        Optional.of("users.id"))),
                List.of(new EnumType(QualifiedName.of("app", "mood"), List.of("sad", "ok"), Optional.empty())),
                List.of(new Domain(QualifiedName.of("app", "pos"), DataType.of("integer"), true, Optional.of("1"),
                        Optional.empty(), List.of(new Check("pos_check", "VALUE > 0")), Optional.empty())),
                List.of(new Routine(QualifiedName.of("app", "f"), "function", "integer", "CREATE FUNCTION ...")),
                Optional.of("the app"));
        return new Catalog("postgres", List.of(app, new Schema("empty", List.of(), List.of(), List.of(), List.of(),
                List.of(), List.of(), Optional.empty())), List.of(new Extension("citext", "public", "1.6")));
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

    @Test
    void writesFilesAtomicallyCreatingTheDirectory(@TempDir Path dir) {
        Path file = dir.resolve("migrations/.godwit/snapshot.json");
        Snapshot snapshot = new Snapshot(everything(), Optional.of("r"));
        SnapshotWriter.write(snapshot, file);
        assertEquals(snapshot, SnapshotReader.read(file));
    }
}
