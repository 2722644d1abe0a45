package dev.godwit.sqlite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.godwit.model.Catalog;
import dev.godwit.model.Check;
import dev.godwit.model.Column;
import dev.godwit.model.DataType;
import dev.godwit.model.Deferrable;
import dev.godwit.model.ForeignKey;
import dev.godwit.model.Index;
import dev.godwit.model.PrimaryKey;
import dev.godwit.model.QualifiedName;
import dev.godwit.model.Schema;
import dev.godwit.model.Table;
import dev.godwit.model.Trigger;
import dev.godwit.model.UniqueConstraint;
import dev.godwit.model.View;
import dev.godwit.plan.CreateScript;
import dev.godwit.testkit.SqliteTestDatabase;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SqliteDdlWriterTest {

    private static Column column(String name, String type, boolean nullable, String defaultExpression) {
        return new Column(name, DataType.of(type), nullable, Optional.ofNullable(defaultExpression), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty());
    }

    @Test
    void createScriptBuildsTablesWithInlineForeignKeysIndexesViewsAndTriggers() throws Exception {
        Table users = new Table(QualifiedName.of("main", "users"), List.of(
                column("id", "INTEGER", false, null),
                column("email", "TEXT", false, null),
                column("created", "TEXT", true, "datetime('now')"),
                column("group", "TEXT", true, "'staff'")),
                Optional.of(new PrimaryKey("", List.of("id"))),
                List.of(new UniqueConstraint("u", List.of("email"), Deferrable.NOT_DEFERRABLE)),
                List.of(new Index("users_created", false, "btree", List.of(Index.Key.column("created")), List.of(),
                        Optional.of("created IS NOT NULL"), "")),
                List.of(), List.of(new Check("c1", "length(email) > 3")),
                List.of(new Trigger("users_touch", "CREATE TRIGGER users_touch AFTER UPDATE ON users BEGIN "
                        + "UPDATE users SET created = datetime('now') WHERE id = NEW.id; END")),
                Optional.empty(), Optional.empty(), false, Optional.empty(), Map.of());
        Table posts = new Table(QualifiedName.of("main", "posts"), List.of(column("id", "INTEGER", false, null),
                column("user_id", "INTEGER", false, null)), Optional.empty(), List.of(), List.of(),
                List.of(new ForeignKey("fk", List.of("user_id"), QualifiedName.of("main", "users"), List.of("id"),
                        ForeignKey.Action.NO_ACTION, ForeignKey.Action.CASCADE, ForeignKey.Match.SIMPLE,
                        Deferrable.NOT_DEFERRABLE)), List.of(), List.of(), Optional.empty(), Optional.empty(), false,
                Optional.empty(), Map.of("autoincrement", "id"));
        Schema main = new Schema("main", List.of(posts, users), List.of(new View(QualifiedName.of("main", "emails"),
                false, "SELECT email FROM users", List.of(QualifiedName.of("main", "users")), List.of(),
                Optional.empty())), List.of(), List.of(), List.of(), List.of(), Optional.empty());
        List<String> script = CreateScript.of(new Catalog("sqlite", List.of(main), List.of()), new SqliteDdlWriter());

        try (SqliteTestDatabase db = SqliteTestDatabase.create()) {
            db.execute(script.toArray(String[]::new));
            // sqlite_sequence exists only because posts.id is AUTOINCREMENT.
            assertEquals(List.of("emails", "posts", "sqlite_sequence", "users", "users_created", "users_touch"),
                    db.column("SELECT name FROM sqlite_master WHERE name NOT LIKE 'sqlite_autoindex%' ORDER BY 1"));
            assertEquals(List.of("CASCADE"), db.column("SELECT on_delete FROM pragma_foreign_key_list('posts')"));
            db.execute("INSERT INTO users (id, email) VALUES (1, 'a@b.c')");
            assertEquals(List.of("staff"), db.column("SELECT \"group\" FROM users"));
        }
        assertTrue(script.stream().anyMatch(s -> s.contains("DEFAULT (datetime('now'))")), String.join("\n", script));
    }
}
