package dev.godwit.diff;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.godwit.model.Catalog;
import dev.godwit.model.Check;
import dev.godwit.model.Column;
import dev.godwit.model.DataType;
import dev.godwit.model.ForeignKey;
import dev.godwit.model.PrimaryKey;
import dev.godwit.model.QualifiedName;
import dev.godwit.model.Schema;
import dev.godwit.model.Table;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The differ on catalogs built in code: what is noise, what is a change, and how hints are taken. */
class SchemaDifferTest {

    private static final QualifiedName USERS = QualifiedName.of("app", "users");
    private static final Column ID = Column.of("id", DataType.of("integer"));
    private static final Column NAME = Column.of("name", DataType.of("text"));

    private static Catalog catalog(Table... tables) {
        return new Catalog("test", List.of(new Schema("app", List.of(tables), List.of(), List.of(), List.of(),
                List.of(), List.of(), Optional.empty())), List.of());
    }

    private static Table users(String pkName, String checkName, List<Column> columns) {
        return new Table(USERS, columns, Optional.of(new PrimaryKey(pkName, List.of("id"))), List.of(), List.of(),
                List.of(), List.of(new Check(checkName, "CHECK ((id > 0))")), List.of(), Optional.empty(),
                Optional.empty(), false, Optional.empty(), Map.of());
    }

    private static List<String> describe(Diff diff) {
        return diff.changes().stream().map(Change::describe).toList();
    }

    @Test
    void generatedNamesColumnOrderAndWhitespaceAreNotChanges() {
        Catalog a = catalog(users("users_pkey", "users_id_check", List.of(ID, NAME)));
        Catalog b = catalog(users("users_pkey", "", List.of(NAME, ID)));
        Table spaced = users("users_pkey", "users_id_check", List.of(ID, new Column("name", DataType.of("text"),
                true, Optional.of("'x'"), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty())));
        Table squashed = users("users_pkey", "users_id_check", List.of(ID, new Column("name", DataType.of("text"),
                true, Optional.of("  'x' "), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty())));

        assertEquals(List.of(), describe(new SchemaDiffer(DiffHooks.DEFAULT).diff(a, b)));
        assertEquals(List.of(), describe(new SchemaDiffer(DiffHooks.DEFAULT).diff(catalog(spaced),
                catalog(squashed))));
    }

    @Test
    void aNamedConstraintWithNewContentIsDroppedAndAdded() {
        Catalog a = catalog(users("users_pkey", "positive", List.of(ID)));
        Table b = new Table(USERS, List.of(ID), Optional.of(new PrimaryKey("users_pkey", List.of("id"))), List.of(),
                List.of(), List.of(), List.of(new Check("positive", "CHECK ((id > 1))")), List.of(), Optional.empty(),
                Optional.empty(), false, Optional.empty(), Map.of());

        assertEquals(List.of("drop check app.users CHECK ((id > 0))", "add check app.users CHECK ((id > 1))"),
                describe(new SchemaDiffer(DiffHooks.DEFAULT).diff(a, catalog(b))));
    }

    @Test
    void withoutAHintADisappearingColumnIsADropAndWithOneARename() {
        Catalog a = catalog(Table.of(USERS, List.of(ID, NAME)));
        Catalog b = catalog(Table.of(USERS, List.of(ID, Column.of("full_name", DataType.of("text")))));

        assertEquals(List.of("drop column app.users.name", "add column app.users.full_name"),
                describe(new SchemaDiffer(DiffHooks.DEFAULT).diff(a, b)));
        assertEquals(List.of("rename column app.users.name to full_name"),
                describe(new SchemaDiffer(DiffHooks.DEFAULT, Rename.hintsIn(
                        "-- godwit:rename users.name=full_name\nCREATE TABLE ...")).diff(a, b)));
    }

    @Test
    void aNewTableComesWithItsForeignKeysAsChangesOfTheirOwn() {
        QualifiedName posts = QualifiedName.of("app", "posts");
        ForeignKey fk = new ForeignKey("posts_user_fkey", List.of("user_id"), USERS, List.of("id"), null, null, null,
                null);
        Table post = new Table(posts, List.of(ID, Column.of("user_id", DataType.of("integer"))), Optional.empty(),
                List.of(), List.of(), List.of(fk), List.of(), List.of(), Optional.empty(), Optional.empty(), false,
                Optional.empty(), Map.of());
        Diff diff = new SchemaDiffer(DiffHooks.DEFAULT).diff(catalog(), catalog(post));

        assertEquals(List.of("create table app.posts", "add foreign key app.posts[user_id] -> app.users"),
                describe(diff));
        assertEquals(List.of(), ((Change.CreateTable) diff.changes().get(0)).table().foreignKeys());
        assertEquals(List.of("drop table app.posts", "drop foreign key app.posts[user_id] -> app.users"),
                describe(diff.inverse()));
    }
}
