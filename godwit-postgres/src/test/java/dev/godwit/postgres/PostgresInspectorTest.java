package dev.godwit.postgres;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.godwit.dialect.InspectOptions;
import dev.godwit.dialect.SqlStatement;
import dev.godwit.model.Catalog;
import dev.godwit.model.Check;
import dev.godwit.model.Column;
import dev.godwit.model.DataType;
import dev.godwit.model.Deferrable;
import dev.godwit.model.Domain;
import dev.godwit.model.ForeignKey;
import dev.godwit.model.Index;
import dev.godwit.model.QualifiedName;
import dev.godwit.model.Routine;
import dev.godwit.model.Schema;
import dev.godwit.model.Sequence;
import dev.godwit.model.Table;
import dev.godwit.model.Trigger;
import dev.godwit.model.UniqueConstraint;
import dev.godwit.model.View;
import dev.godwit.testkit.Corpus;
import dev.godwit.testkit.PostgresTestDatabase;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

class PostgresInspectorTest {

    private final PostgresInspector inspector = new PostgresInspector();

    @Test
    void readsPagilaTablesPartitionsViewsAndRoutines() throws Exception {
        try (PostgresTestDatabase db = PostgresTestDatabase.create()) {
            load(db, Files.readString(corpusSchema("pagila")));
            Schema pub = read(db, InspectOptions.defaults()).schema("public").orElseThrow();

            // 14 plain tables, payment (partitioned) and its 55 monthly partitions.
            assertEquals(70, pub.tables().size());
            Table payment = table(pub, "payment");
            assertEquals(Optional.of("RANGE (payment_date)"), payment.partitionBy());
            List<Table> partitions = pub.tables().stream().filter(t -> t.partitionOf().isPresent()).toList();
            assertEquals(55, partitions.size());
            Table january = table(pub, "payment_p2022_01");
            assertEquals(QualifiedName.of("public", "payment"), january.partitionOf().orElseThrow().parent());
            assertEquals("FOR VALUES FROM ('2022-01-01 00:00:00+00') TO ('2022-02-01 00:00:00+00')",
                    january.partitionOf().orElseThrow().bound());
            assertEquals(List.of("payment_date", "payment_id"), payment.primaryKey().orElseThrow().columns());

            ForeignKey language = fk(table(pub, "film"), "film_language_id_fkey");
            assertEquals(List.of("language_id"), language.columns());
            assertEquals(QualifiedName.of("public", "language"), language.referencedTable());
            assertEquals(List.of("language_id"), language.referencedColumns());
            assertEquals(ForeignKey.Action.CASCADE, language.onUpdate());
            assertEquals(ForeignKey.Action.RESTRICT, language.onDelete());

            Column rate = table(pub, "film").column("rental_rate").orElseThrow();
            assertEquals(new DataType("numeric", Optional.empty(), Optional.of(4), Optional.of(2), 0, "numeric(4,2)"),
                    rate.type());
            assertEquals(Optional.of("4.99"), rate.defaultExpression());
            Column features = table(pub, "film").column("special_features").orElseThrow();
            assertEquals("text", features.type().name());
            assertEquals(1, features.type().dimensions());
            assertEquals("text[]", features.type().raw());
            assertEquals("public.year", table(pub, "film").column("release_year").orElseThrow().type().name());
            assertEquals(Optional.of("'G'::public.mpaa_rating"),
                    table(pub, "film").column("rating").orElseThrow().defaultExpression());

            assertEquals(List.of("G", "PG", "PG-13", "R", "NC-17"), pub.enums().get(0).labels());
            Domain year = pub.domains().stream().filter(d -> d.name().name().equals("year")).findFirst().orElseThrow();
            assertEquals(List.of(new Check("year_check", "CHECK (((VALUE >= 1901) AND (VALUE <= 2155)))")),
                    year.checks());
            assertEquals("integer", year.type().name());

            assertEquals(8, pub.views().size());
            View actorInfo = view(pub, "actor_info");
            assertFalse(actorInfo.materialized());
            assertEquals(List.of("actor", "category", "film", "film_actor", "film_category"),
                    actorInfo.dependsOn().stream().map(QualifiedName::name).toList());
            assertTrue(actorInfo.definition().contains("FROM (((public.actor a"), actorInfo.definition());
            View byCategory = view(pub, "rental_by_category");
            assertTrue(byCategory.materialized());
            assertEquals(List.of("rental_category"), byCategory.indexes().stream().map(Index::name).toList());

            assertEquals(new Trigger("film_fulltext_trigger", "CREATE TRIGGER film_fulltext_trigger BEFORE INSERT OR "
                    + "UPDATE ON public.film FOR EACH ROW EXECUTE FUNCTION tsvector_update_trigger('fulltext', "
                    + "'pg_catalog.english', 'title', 'description')"),
                    table(pub, "film").triggers().get(0));
            Routine groupConcat = pub.routines().stream().filter(r -> r.name().name().equals("group_concat"))
                    .findFirst().orElseThrow();
            assertEquals("aggregate", groupConcat.kind());
            assertEquals("text", groupConcat.signature());
            assertEquals("CREATE AGGREGATE public.group_concat(text) (SFUNC = public._group_concat, STYPE = text)",
                    groupConcat.definition());
            Routine inStock = pub.routines().stream().filter(r -> r.name().name().equals("film_in_stock"))
                    .findFirst().orElseThrow();
            assertEquals("p_film_id integer, p_store_id integer, OUT p_film_count integer", inStock.signature());
            assertTrue(inStock.definition().startsWith("CREATE OR REPLACE FUNCTION public.film_in_stock("));

            assertEquals(13, pub.sequences().size());
            assertEquals(Optional.of("standard public schema"), pub.comment());
        }
    }

    @Test
    void readsChinookTablesKeysAndLengths() throws Exception {
        try (PostgresTestDatabase db = PostgresTestDatabase.create()) {
            load(db, Files.readString(corpusSchema("chinook-postgres")));
            Schema pub = read(db, InspectOptions.defaults()).schema("public").orElseThrow();

            assertEquals(List.of("album", "artist", "customer", "employee", "genre", "invoice", "invoice_line",
                    "media_type", "playlist", "playlist_track", "track"),
                    pub.tables().stream().map(t -> t.name().name()).toList());
            Table track = table(pub, "track");
            ForeignKey album = fk(track, "track_album_id_fkey");
            assertEquals(List.of("album_id"), album.columns());
            assertEquals(QualifiedName.of("public", "album"), album.referencedTable());
            assertEquals(ForeignKey.Action.NO_ACTION, album.onDelete());
            assertEquals(Optional.of(160), table(pub, "album").column("title").orElseThrow().type().length());
            assertEquals("character varying", table(pub, "album").column("title").orElseThrow().type().name());
            assertEquals(List.of("playlist_id", "track_id"),
                    table(pub, "playlist_track").primaryKey().orElseThrow().columns());
            assertEquals(List.of("track_album_id_idx", "track_genre_id_idx", "track_media_type_id_idx"),
                    track.indexes().stream().map(Index::name).toList());
        }
    }

    @Test
    void readsIdentityGeneratedPartitionsIndexesAndConstraints() throws Exception {
        try (PostgresTestDatabase db = PostgresTestDatabase.create()) {
            load(db, resource("inspector-features.sql"));
            Catalog catalog = read(db, new InspectOptions(List.of("app"), List.of(), List.of(),
                    Optional.of(QualifiedName.of("app", "godwit_history"))));
            Schema app = catalog.schema("app").orElseThrow();
            assertEquals(Optional.of("the application"), app.comment());
            assertTrue(app.table("godwit_history").isEmpty(), "the history table is left out");
            assertEquals(List.of("citext:app"), catalog.extensions().stream()
                    .map(e -> e.name() + ":" + e.schema()).toList());
            assertTrue(app.routines().stream().noneMatch(r -> r.name().name().startsWith("citext")),
                    "the extension's own functions are left out");

            Table account = table(app, "account");
            Column id = account.column("id").orElseThrow();
            assertEquals(Optional.of(new Column.Identity(true, Optional.of("INCREMENT BY 5 START WITH 100"))),
                    id.identity());
            assertEquals(Optional.empty(), id.defaultExpression());
            Column email = account.column("email").orElseThrow();
            assertEquals(Optional.of(120), email.type().length());
            assertEquals(Optional.of("pg_catalog.\"C\""), email.collation());
            assertEquals(Optional.of("where we write"), email.comment());
            assertEquals("app.citext", account.column("handle").orElseThrow().type().name());
            assertEquals(2, account.column("grid").orElseThrow().type().dimensions());
            assertEquals(Optional.of(3), account.column("created").orElseThrow().type().precision());
            assertEquals(Optional.of("lower((email)::text)"), account.column("email_lower").orElseThrow().generated());
            assertEquals("app.positive", account.column("score").orElseThrow().type().name());
            assertEquals(Optional.of("people"), account.comment());
            assertEquals(List.of(new UniqueConstraint("account_email_key", List.of("email"),
                    Deferrable.DEFERRABLE_INITIALLY_DEFERRED)), account.uniqueConstraints());
            assertEquals(List.of(new Check("balance_not_negative", "CHECK ((balance >= (0)::numeric))")),
                    account.checks());
            assertEquals(List.of("account_touch"), account.triggers().stream().map(Trigger::name).toList());

            Index lower = account.indexes().get(0);
            assertEquals("account_lower_email_idx", lower.name());
            assertEquals(List.of(new Index.Key(Optional.empty(), Optional.of("lower(email::text)"), true, false),
                    Index.Key.column("created")), lower.keys());
            assertEquals(List.of("balance"), lower.include());
            assertEquals(Optional.of("balance > 0::numeric"), lower.where());
            assertTrue(lower.definition().startsWith("CREATE INDEX account_lower_email_idx ON app.account USING btree"),
                    lower.definition());

            ForeignKey ledger = fk(table(app, "ledger"), "ledger_account_fk");
            assertEquals(ForeignKey.Action.SET_NULL, ledger.onUpdate());
            assertEquals(ForeignKey.Action.CASCADE, ledger.onDelete());
            assertEquals(ForeignKey.Match.FULL, ledger.match());
            assertEquals(Deferrable.DEFERRABLE_INITIALLY_IMMEDIATE, ledger.deferrable());
            Sequence serial = app.sequences().stream().filter(s -> s.name().name().equals("ledger_id_seq"))
                    .findFirst().orElseThrow();
            assertEquals(Optional.of("ledger.id"), serial.ownedBy());
            assertEquals(List.of("ledger_id_seq", "ticket_seq"),
                    app.sequences().stream().map(s -> s.name().name()).toList(), "identity sequences are left out");
            Sequence ticket = app.sequences().get(1);
            assertEquals(List.of("integer", "100", "5"), List.of(ticket.dataType(), String.valueOf(ticket.start()),
                    String.valueOf(ticket.increment())));

            assertTrue(table(app, "scratch").unlogged());
            Table event = table(app, "event");
            assertEquals(Optional.of("RANGE (day)"), event.partitionBy());
            assertEquals(List.of("event_day_idx"), event.indexes().stream().map(Index::name).toList());
            Table rest = table(app, "event_rest");
            assertEquals("DEFAULT", rest.partitionOf().orElseThrow().bound());
            assertTrue(rest.indexes().isEmpty(), "a partition's share of its parent's index is the parent's");
            assertEquals("FOR VALUES FROM ('2024-01-01') TO ('2025-01-01')",
                    table(app, "event_2024").partitionOf().orElseThrow().bound());
            assertTrue(table(app, "booking").attributes().get("exclusion_constraint.booking_during_excl")
                    .startsWith("EXCLUDE USING gist (during WITH &&)"));

            assertEquals(List.of(QualifiedName.of("app", "account"), QualifiedName.of("app", "rich")),
                    view(app, "rich_moods").dependsOn());
            View totals = view(app, "totals");
            assertTrue(totals.materialized());
            assertEquals(List.of("totals_n_idx"), totals.indexes().stream().map(Index::name).toList());
            assertEquals(List.of("sad", "ok", "happy"), app.enums().get(0).labels());
            assertEquals(List.of("mood"), app.enums().stream().map(e -> e.name().name()).toList());
            Domain positive = app.domains().get(0);
            assertTrue(positive.notNull());
            assertEquals(Optional.of("1"), positive.defaultExpression());
            assertEquals(List.of(new Check("positive_check", "CHECK ((VALUE > 0))")), positive.checks());
            assertEquals(Set.of("noop:procedure", "touch:function"), Set.copyOf(app.routines().stream()
                    .map(r -> r.name().name() + ":" + r.kind()).toList()));
        }
    }

    @Test
    void aCreateScriptOfWhatWasReadRebuildsTheSameModel() throws Exception {
        for (String script : List.of(resource("inspector-features.sql"),
                Files.readString(corpusSchema("chinook-postgres")), Files.readString(corpusSchema("pagila")))) {
            InspectOptions options = new InspectOptions(List.of("public", "app"), List.of(), List.of(),
                    Optional.empty());
            Catalog first;
            try (PostgresTestDatabase db = PostgresTestDatabase.create()) {
                load(db, script);
                first = read(db, options);
            }
            try (PostgresTestDatabase db = PostgresTestDatabase.create()) {
                load(db, String.join(";\n", dev.godwit.plan.CreateScript.of(first, new PostgresDdlWriter())));
                assertSameModel(first, read(db, options));
            }
        }
    }

    @Test
    void printsEveryIndexDefinitionAsPgGetIndexdefDoes() throws Exception {
        String shapes = """
                CREATE TYPE mood AS ENUM ('sad', 'ok');
                CREATE DOMAIN positive AS integer CHECK (VALUE > 0);
                CREATE TABLE "Shapes" (id integer, "Mixed Case" text, "order" varchar(20), c text COLLATE "C",
                    tags text[], m mood, p positive, at timestamptz, n numeric);
                CREATE INDEX plain_idx ON "Shapes" (id);
                CREATE UNIQUE INDEX "Quoted Idx" ON "Shapes" ("Mixed Case", "order");
                CREATE INDEX desc_idx ON "Shapes" (at DESC, id DESC NULLS LAST, n NULLS FIRST, c DESC NULLS FIRST);
                CREATE INDEX include_idx ON "Shapes" (id) INCLUDE ("order", c);
                CREATE INDEX column_collation_idx ON "Shapes" (c);
                CREATE INDEX other_collation_idx ON "Shapes" (c COLLATE "POSIX");
                CREATE INDEX default_collation_idx ON "Shapes" ("order" COLLATE "default");
                CREATE INDEX explicit_default_class_idx ON "Shapes" ("order" text_ops, id int4_ops);
                CREATE INDEX pattern_idx ON "Shapes" ("order" varchar_pattern_ops);
                CREATE INDEX array_idx ON "Shapes" (tags);
                CREATE INDEX enum_idx ON "Shapes" (m);
                CREATE INDEX domain_idx ON "Shapes" (p);
                CREATE INDEX gin_idx ON "Shapes" USING gin (tags);
                CREATE INDEX hash_idx ON "Shapes" USING hash (id);
                CREATE INDEX partial_idx ON "Shapes" (id) WHERE n > 0;
                CREATE INDEX expression_idx ON "Shapes" (lower(c), id);
                CREATE INDEX fill_idx ON "Shapes" (id) WITH (fillfactor = 70);
                CREATE UNIQUE INDEX unique_include_idx ON "Shapes" (n) INCLUDE (id);
                CREATE TABLE parted (id integer, at date) PARTITION BY RANGE (at);
                CREATE INDEX parted_idx ON parted (id);
                CREATE MATERIALIZED VIEW totals AS SELECT id, count(*) AS n FROM "Shapes" GROUP BY id;
                CREATE UNIQUE INDEX totals_idx ON totals (id DESC);
                """;
        for (String script : List.of(shapes, resource("inspector-features.sql"),
                Files.readString(corpusSchema("chinook-postgres")), Files.readString(corpusSchema("pagila")))) {
            try (PostgresTestDatabase db = PostgresTestDatabase.create()) {
                load(db, script);
                InspectOptions options = new InspectOptions(List.of("public", "app"), List.of(), List.of(),
                        Optional.empty());
                Catalog catalog = read(db, options);
                java.util.Map<String, String> expected = new java.util.TreeMap<>();
                try (Connection c = db.connect(); Statement s = c.createStatement()) {
                    s.execute("SET search_path = ''");
                    try (ResultSet rs = s.executeQuery("SELECT i.relname, pg_get_indexdef(i.oid) FROM pg_class i"
                            + " JOIN pg_namespace n ON n.oid = i.relnamespace WHERE i.relkind IN ('i', 'I')"
                            + " AND n.nspname IN ('public', 'app')")) {
                        while (rs.next()) {
                            expected.put(rs.getString(1), rs.getString(2));
                        }
                    }
                }
                int compared = 0;
                for (Schema schema : catalog.schemas()) {
                    List<Index> indexes = new java.util.ArrayList<>();
                    schema.tables().forEach(t -> indexes.addAll(t.indexes()));
                    schema.views().forEach(v -> indexes.addAll(v.indexes()));
                    for (Index index : indexes) {
                        assertEquals(expected.get(index.name()), index.definition(), index.name());
                        compared++;
                    }
                }
                assertTrue(compared > 0);
            }
        }
    }

    @Test
    void selectsByPatternAndDefaultsToTheCurrentSchemaLeavingTheSessionAsItWas() throws Exception {
        try (PostgresTestDatabase db = PostgresTestDatabase.create()) {
            load(db, resource("inspector-features.sql"));
            try (Connection c = db.connect(); Statement s = c.createStatement()) {
                s.execute("SET search_path TO app, public");
                s.execute("SET TimeZone TO 'Europe/Paris'");
                Catalog catalog = inspector.inspect(c, new InspectOptions(List.of(), List.of("event*", "rich*"),
                        List.of("*_rest"), Optional.empty()));
                Schema app = catalog.schema("app").orElseThrow();
                assertEquals(List.of("app"), catalog.schemas().stream().map(Schema::name).toList());
                assertEquals(List.of("event", "event_2024"), app.tables().stream().map(t -> t.name().name()).toList());
                assertEquals(List.of("rich", "rich_moods"), app.views().stream().map(v -> v.name().name()).toList());
                try (ResultSet rs = s.executeQuery("SELECT current_setting('search_path'), "
                        + "current_setting('TimeZone')")) {
                    rs.next();
                    assertEquals("app, public", rs.getString(1));
                    assertEquals("Europe/Paris", rs.getString(2));
                }
            }
        }
    }

    @Test
    void issuesTheSameNumberOfQueriesForTwentyAndTwoHundredTables() throws Exception {
        try (PostgresTestDatabase db = PostgresTestDatabase.create()) {
            load(db, tables("small", 20) + tables("large", 200));
            try (Connection c = db.connect()) {
                int small = statementsFor(c, "small", 20);
                int large = statementsFor(c, "large", 200);
                assertEquals(small, large);
                // One per object kind (schemas, tables, constraints, indexes, triggers, policies, views, sequences,
                // enums, composite types, domains, routines, extensions), the session settings around them, and for
                // CHECK constraints the operators their trees use and the definitions printed by the server.
                assertTrue(small <= 18, small + " statements");
            }
        }
    }

    private int statementsFor(Connection real, String schema, int tables) throws SQLException {
        AtomicInteger statements = new AtomicInteger();
        Connection counting = (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(),
                new Class<?>[] {Connection.class}, (proxy, method, args) -> {
                    if (Set.of("createStatement", "prepareStatement", "prepareCall").contains(method.getName())) {
                        statements.incrementAndGet();
                    }
                    try {
                        return method.invoke(real, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
        Schema read = inspector.inspect(counting, new InspectOptions(List.of(schema), List.of(), List.of(),
                Optional.empty())).schema(schema).orElseThrow();
        assertEquals(tables, read.tables().size());
        assertEquals(tables / 10, read.views().size());
        read.tables().stream().skip(1).forEach(t -> {
            assertEquals(1, t.foreignKeys().size());
            assertEquals(1, t.indexes().size());
            assertEquals(1, t.checks().size());
        });
        return statements.get();
    }

    /** A schema of {@code count} tables, each with a key, a foreign key, a check and an index; a view per ten. */
    private static String tables(String schema, int count) {
        StringBuilder sql = new StringBuilder("CREATE SCHEMA " + schema + ";\n");
        for (int i = 0; i < count; i++) {
            sql.append("CREATE TABLE ").append(schema).append(".t").append(i)
                    .append(" (id integer PRIMARY KEY, parent integer")
                    .append(i == 0 ? "" : " REFERENCES " + schema + ".t0 (id)")
                    .append(", label text CHECK (label <> ''), at timestamptz DEFAULT now());\n");
            if (i > 0) {
                sql.append("CREATE INDEX ON ").append(schema).append(".t").append(i).append(" (label);\n");
            }
            if (i % 10 == 0) {
                sql.append("CREATE VIEW ").append(schema).append(".v").append(i).append(" AS SELECT id FROM ")
                        .append(schema).append(".t").append(i).append(";\n");
            }
        }
        return sql.toString();
    }

    /** Equal catalogs, compared object by object so that a failure names the object that differs. */
    static void assertSameModel(Catalog expected, Catalog actual) {
        assertEquals(expected.extensions(), actual.extensions());
        assertEquals(expected.schemas().size(), actual.schemas().size());
        for (int i = 0; i < expected.schemas().size(); i++) {
            Schema e = expected.schemas().get(i);
            Schema a = actual.schemas().get(i);
            assertSameObjects(e.tables(), a.tables());
            assertSameObjects(e.views(), a.views());
            assertSameObjects(e.sequences(), a.sequences());
            assertSameObjects(e.enums(), a.enums());
            assertSameObjects(e.domains(), a.domains());
            assertSameObjects(e.routines(), a.routines());
            assertEquals(e, a);
        }
    }

    private static void assertSameObjects(List<?> expected, List<?> actual) {
        for (int i = 0; i < Math.min(expected.size(), actual.size()); i++) {
            assertEquals(expected.get(i), actual.get(i));
        }
        assertEquals(expected.size(), actual.size());
    }

    private Catalog read(PostgresTestDatabase db, InspectOptions options) throws SQLException {
        try (Connection c = db.connect()) {
            return inspector.inspect(c, options);
        }
    }

    /** Runs a script statement by statement on one connection, as psql would. */
    static void load(PostgresTestDatabase db, String script) throws SQLException {
        try (Connection c = db.connect(); Statement s = c.createStatement()) {
            for (SqlStatement statement : new PostgresStatementSplitter().split(script)) {
                s.execute(statement.sql());
            }
        }
    }

    static String resource(String name) throws IOException {
        try (InputStream in = PostgresInspectorTest.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    static Path corpusSchema(String name) {
        return Corpus.schema(name);
    }

    private static Table table(Schema schema, String name) {
        return schema.table(name).orElseThrow(() -> new AssertionError("no table " + name + " in " + schema.name()));
    }

    private static View view(Schema schema, String name) {
        return schema.views().stream().filter(v -> v.name().name().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no view " + name));
    }

    private static ForeignKey fk(Table table, String name) {
        return table.foreignKeys().stream().filter(f -> f.name().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no foreign key " + name + " on " + table.name()));
    }
}
