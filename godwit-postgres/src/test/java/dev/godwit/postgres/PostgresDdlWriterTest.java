package dev.godwit.postgres;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.godwit.model.Catalog;
import dev.godwit.model.Check;
import dev.godwit.model.Column;
import dev.godwit.model.DataType;
import dev.godwit.model.Deferrable;
import dev.godwit.model.Domain;
import dev.godwit.model.EnumType;
import dev.godwit.model.ForeignKey;
import dev.godwit.model.Index;
import dev.godwit.model.PrimaryKey;
import dev.godwit.model.QualifiedName;
import dev.godwit.model.Schema;
import dev.godwit.model.Sequence;
import dev.godwit.model.Table;
import dev.godwit.model.UniqueConstraint;
import dev.godwit.model.View;
import dev.godwit.plan.CreateScript;
import dev.godwit.testkit.PostgresTestDatabase;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PostgresDdlWriterTest {

    private static QualifiedName name(String n) {
        return QualifiedName.of("app", n);
    }

    private static Column notNull(String name, String type) {
        return new Column(name, DataType.of(type), false, Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty());
    }

    @Test
    void createScriptBuildsEveryObjectInAnOrderPostgresAccepts() throws Exception {
        Table users = new Table(name("user"), List.of(
                new Column("id", DataType.of("bigint"), false, Optional.empty(),
                        Optional.of(new Column.Identity(true, Optional.empty())), Optional.empty(), Optional.empty(),
                        Optional.of("who signs in")),
                notNull("email", "text"),
                new Column("mood", DataType.of("app.mood"), true, Optional.of("'ok'::app.mood"), Optional.empty(),
                        Optional.empty(), Optional.empty(), Optional.empty()),
                new Column("email_lower", DataType.of("text"), true, Optional.empty(), Optional.empty(),
                        Optional.of("lower(email)"), Optional.empty(), Optional.empty()),
                notNull("order", "app.positive")),
                Optional.of(new PrimaryKey("user_pkey", List.of("id"))),
                List.of(new UniqueConstraint("user_email_key", List.of("email"), Deferrable.NOT_DEFERRABLE)),
                List.of(new Index("user_mood_idx", false, "btree", List.of(Index.Key.column("mood")),
                        List.of("email"), Optional.of("mood IS NOT NULL"), "")),
                List.of(), List.of(new Check("email_has_at", "CHECK ((email ~~ '%@%'::text))")), List.of(),
                Optional.empty(), Optional.empty(), false, Optional.of("people"), Map.of());
        Table posts = new Table(name("posts"), List.of(notNull("id", "integer"), notNull("user_id", "bigint")),
                Optional.of(new PrimaryKey("posts_pkey", List.of("id"))), List.of(), List.of(),
                List.of(new ForeignKey("posts_user_fk", List.of("user_id"), name("user"), List.of("id"),
                        ForeignKey.Action.NO_ACTION, ForeignKey.Action.CASCADE, ForeignKey.Match.SIMPLE,
                        Deferrable.DEFERRABLE_INITIALLY_DEFERRED)),
                List.of(), List.of(), Optional.empty(), Optional.empty(), true, Optional.empty(), Map.of());
        Schema app = new Schema("app", List.of(posts, users),
                List.of(new View(name("recent"), false, "SELECT id FROM app.active", List.of(name("active")),
                                List.of(), Optional.empty()),
                        new View(name("active"), false, "SELECT id, email FROM app.\"user\"", List.of(name("user")),
                                List.of(), Optional.empty())),
                List.of(new Sequence(name("ticket_seq"), "bigint", 100, 5, 1, 1_000_000, 1, false, Optional.empty())),
                List.of(new EnumType(name("mood"), List.of("sad", "ok", "happy"), Optional.empty())),
                List.of(new Domain(name("positive"), DataType.of("integer"), false, Optional.empty(),
                        Optional.empty(), List.of(new Check("positive_check", "VALUE > 0")), Optional.empty())),
                List.of(), Optional.empty());
        List<String> script = CreateScript.of(new Catalog("postgres", List.of(app), List.of()),
                new PostgresDdlWriter());

        try (PostgresTestDatabase db = PostgresTestDatabase.create()) {
            db.execute(script.toArray(String[]::new));
            assertTrue(db.hasTable("app.\"user\""));
            assertEquals(List.of("sad", "ok", "happy"), db.column(
                    "SELECT enumlabel FROM pg_enum WHERE enumtypid = 'app.mood'::regtype ORDER BY enumsortorder"));
            assertEquals(List.of("u"), db.column("SELECT relpersistence FROM pg_class WHERE oid = 'app.posts'::regclass"));
            assertEquals(List.of("c"), db.column("SELECT confdeltype FROM pg_constraint WHERE conname = 'posts_user_fk'"));
            assertEquals(List.of("who signs in"), db.column("SELECT col_description('app.\"user\"'::regclass, 1)"));
            assertEquals(List.of("1"), db.column("SELECT count(*) FROM pg_views WHERE viewname = 'recent'"));
        }
        assertTrue(script.indexOf(script.stream().filter(s -> s.contains("VIEW app.active")).findFirst().orElseThrow())
                < script.indexOf(script.stream().filter(s -> s.contains("VIEW app.recent")).findFirst().orElseThrow()),
                "a view comes after the view it reads");
        assertTrue(script.stream().anyMatch(s -> s.startsWith("CREATE TABLE app.\"user\"")), "reserved words quoted");
    }
}
