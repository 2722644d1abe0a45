package dev.godwit.sqlite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.godwit.dialect.InspectOptions;
import dev.godwit.dialect.SqlStatement;
import dev.godwit.model.Catalog;
import dev.godwit.model.Column;
import dev.godwit.model.DataType;
import dev.godwit.model.Deferrable;
import dev.godwit.model.Equivalence;
import dev.godwit.model.ForeignKey;
import dev.godwit.model.Index;
import dev.godwit.model.Schema;
import dev.godwit.model.Table;
import dev.godwit.plan.CreateScript;
import dev.godwit.snapshot.Snapshot;
import dev.godwit.snapshot.SnapshotReader;
import dev.godwit.snapshot.SnapshotWriter;
import dev.godwit.testkit.Corpus;
import dev.godwit.testkit.SqliteTestDatabase;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class SqliteInspectorTest {

    static final String FEATURES = """
            CREATE TABLE users (
                id INTEGER PRIMARY KEY AUTOINCREMENT,
                email VARCHAR(200) NOT NULL COLLATE NOCASE UNIQUE,
                price DECIMAL(10,2) DEFAULT 0 CONSTRAINT price_positive CHECK (price >= 0),
                created TEXT DEFAULT (datetime('now')),
                email_domain TEXT GENERATED ALWAYS AS (substr(email, instr(email, '@') + 1)) STORED,
                CHECK (length(email) > 3)
            );
            CREATE TABLE tags (user_id INTEGER NOT NULL, tag TEXT NOT NULL, PRIMARY KEY (user_id, tag),
                FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE) WITHOUT ROWID;
            CREATE INDEX users_created ON users (created DESC) WHERE created IS NOT NULL;
            CREATE INDEX users_lower ON users (lower(email));
            CREATE VIEW user_tags AS SELECT u.email, t.tag FROM users u JOIN tags t ON t.user_id = u.id;
            CREATE TRIGGER users_touch AFTER UPDATE ON users BEGIN
                UPDATE users SET created = datetime('now') WHERE id = NEW.id;
            END;
            CREATE TABLE orders (
                id INTEGER CONSTRAINT orders_pk PRIMARY KEY,
                user_id INTEGER CONSTRAINT orders_user REFERENCES users (id) DEFERRABLE INITIALLY DEFERRED,
                "order note" TEXT CHECK ("order note" <> 'a,b)'),
                code TEXT DEFAULT 'REFERENCES users CONSTRAINT x UNIQUE',
                CONSTRAINT orders_code_unique UNIQUE (code),
                CONSTRAINT [orders tag] FOREIGN KEY (user_id, code) REFERENCES tags (user_id, tag) ON UPDATE CASCADE
            );
            CREATE INDEX orders_expr ON orders (lower("order note") DESC, code COLLATE NOCASE, "user_id" ASC);
            CREATE VIRTUAL TABLE notes USING fts5(title, body);
            CREATE TABLE godwit_history (id TEXT);
            """;

    private static Catalog read(SqliteTestDatabase db) throws Exception {
        try (Connection c = db.connect()) {
            return new SqliteInspector().inspect(c, InspectOptions.defaults());
        }
    }

    private static void load(SqliteTestDatabase db, String script) throws Exception {
        try (Connection c = db.connect(); Statement s = c.createStatement()) {
            for (SqlStatement statement : new SqliteStatementSplitter().split(script)) {
                s.execute(statement.sql());
            }
        }
    }

    private static Table table(Catalog catalog, String name) {
        return catalog.schema("main").flatMap(s -> s.table(name)).orElseThrow(() -> new AssertionError("no " + name));
    }

    @Test
    void readsEveryFeatureSqliteKeeps() throws Exception {
        try (SqliteTestDatabase db = SqliteTestDatabase.create()) {
            load(db, FEATURES);
            Catalog catalog = read(db);
            Schema main = catalog.schema("main").orElseThrow();
            assertEquals(List.of("notes", "orders", "tags", "users"), main.tables().stream().map(t -> t.name().name())
                    .toList(), "history table, sqlite_sequence and the virtual table's shadow tables left out");
            Table users = table(catalog, "users");
            Column email = users.column("email").orElseThrow();
            assertEquals("varchar", email.type().name());
            assertEquals(Optional.of(200), email.type().length());
            assertEquals(Optional.of("NOCASE"), email.collation());
            Column price = users.column("price").orElseThrow();
            assertEquals(Optional.of(10), price.type().precision());
            assertEquals(Optional.of(2), price.type().scale());
            assertEquals(Optional.of("datetime('now')"), users.column("created").orElseThrow().defaultExpression());
            assertEquals(Optional.of("substr(email, instr(email, '@') + 1)"),
                    users.column("email_domain").orElseThrow().generated());
            assertEquals("true", users.attributes().get("stored.email_domain"));
            assertEquals("id", users.attributes().get("autoincrement"));
            assertEquals(List.of("price_positive", "users_2_check"), users.checks().stream().map(c -> c.name())
                    .toList());
            assertEquals(List.of("email"), users.uniqueConstraints().get(0).columns());
            Index created = users.indexes().stream().filter(i -> i.name().equals("users_created")).findFirst()
                    .orElseThrow();
            assertEquals(Optional.of("created IS NOT NULL"), created.where());
            assertTrue(created.keys().get(0).descending());
            assertEquals(List.of("users_touch"), users.triggers().stream().map(t -> t.name()).toList());
            Table tags = table(catalog, "tags");
            assertEquals(List.of("user_id", "tag"), tags.primaryKey().orElseThrow().columns());
            assertEquals("true", tags.attributes().get("without_rowid"));
            ForeignKey fk = tags.foreignKeys().get(0);
            assertEquals(ForeignKey.Action.CASCADE, fk.onDelete());
            assertEquals(List.of("id"), fk.referencedColumns());
            assertEquals(List.of("main.tags", "main.users"), main.views().get(0).dependsOn().stream()
                    .map(Object::toString).toList());
            assertEquals("", tags.primaryKey().orElseThrow().name(), "SQLite keeps no name unless one is declared");
            assertEquals("sqlite_autoindex_users_1", users.uniqueConstraints().get(0).name());
            assertEquals("tags_user_id_fkey", fk.name());
        }
    }

    @Test
    void readsConstraintNamesDeferrableKeysAndIndexExpressionsFromTheCreateText() throws Exception {
        try (SqliteTestDatabase db = SqliteTestDatabase.create()) {
            load(db, FEATURES);
            Catalog catalog = read(db);
            Table orders = table(catalog, "orders");
            assertEquals("orders_pk", orders.primaryKey().orElseThrow().name());
            assertEquals(List.of("orders_code_unique"), orders.uniqueConstraints().stream()
                    .map(u -> u.name()).toList());
            assertEquals(List.of("orders tag", "orders_user"), orders.foreignKeys().stream().map(ForeignKey::name)
                    .toList(), "no clause invented from the text of a DEFAULT string");
            ForeignKey tag = orders.foreignKeys().get(0);
            assertEquals(List.of("user_id", "code"), tag.columns());
            assertEquals(ForeignKey.Action.CASCADE, tag.onUpdate());
            assertEquals(Deferrable.NOT_DEFERRABLE, tag.deferrable());
            assertEquals(Deferrable.DEFERRABLE_INITIALLY_DEFERRED, orders.foreignKeys().get(1).deferrable());
            assertEquals(List.of("\"order note\" <> 'a,b)'"), orders.checks().stream().map(c -> c.expression())
                    .toList());
            assertEquals(Optional.of("'REFERENCES users CONSTRAINT x UNIQUE'"),
                    orders.column("code").orElseThrow().defaultExpression());
            assertEquals(List.of(new Index.Key(Optional.empty(), Optional.of("lower(\"order note\")"), true, false),
                    new Index.Key(Optional.empty(), Optional.of("code COLLATE NOCASE"), false, false),
                    Index.Key.column("user_id")), orders.indexes().get(0).keys());
            Index lower = table(catalog, "users").indexes().stream().filter(i -> i.name().equals("users_lower"))
                    .findFirst().orElseThrow();
            assertEquals(Optional.of("lower(email)"), lower.keys().get(0).expression());
            Table notes = table(catalog, "notes");
            assertEquals("CREATE VIRTUAL TABLE notes USING fts5(title, body)", notes.attributes().get("virtual"));
            assertEquals(List.of(), notes.columns());
        }
    }

    @Test
    void featuresAndChinookRoundTripThroughCreateScriptAndSnapshot() throws Exception {
        for (String script : List.of(FEATURES, Files.readString(Corpus.schema("chinook-sqlite")))) {
            try (SqliteTestDatabase original = SqliteTestDatabase.create();
                 SqliteTestDatabase copy = SqliteTestDatabase.create()) {
                load(original, script);
                Catalog catalog = read(original);
                load(copy, String.join(";\n", CreateScript.of(catalog, new SqliteDdlWriter())) + ";");
                Catalog rebuilt = read(copy);
                assertEquals(List.of(), Equivalence.differences(catalog, rebuilt));
                assertEquals(catalog, rebuilt);
                Snapshot snapshot = new Snapshot(catalog, Optional.empty());
                assertEquals(snapshot, SnapshotReader.fromJson(SnapshotWriter.toJson(snapshot), "x"));
            }
        }
    }

    @Test
    void chinookHasItsTablesKeysAndIndexes() throws Exception {
        try (SqliteTestDatabase db = SqliteTestDatabase.create()) {
            load(db, Files.readString(Corpus.schema("chinook-sqlite")));
            Catalog catalog = read(db);
            assertEquals(11, catalog.schema("main").orElseThrow().tables().size());
            Table album = table(catalog, "Album");
            assertEquals(List.of("AlbumId"), album.primaryKey().orElseThrow().columns());
            assertEquals("PK_Album", album.primaryKey().orElseThrow().name(), "declared as CONSTRAINT [PK_Album]");
            ForeignKey artist = album.foreignKeys().get(0);
            assertEquals("Artist", artist.referencedTable().name());
            assertEquals("Album_ArtistId_fkey", artist.name(), "unnamed in the script: the generated name");
            assertEquals(List.of("ArtistId"), artist.columns());
            Column title = album.column("Title").orElseThrow();
            assertEquals(new DataType("nvarchar", Optional.of(160), Optional.empty(), Optional.empty(), 0,
                    "NVARCHAR(160)"), title.type());
            assertTrue(!title.nullable());
            assertEquals(List.of("IFK_AlbumArtistId"), album.indexes().stream().map(Index::name).toList());
        }
    }

    @Test
    void readsThreeHundredTablesWithAsManyStatementsAsThree() throws Exception {
        // Two pragmas (the file and the schema cookie), the schema itself read from the file.
        assertEquals(2, statementsFor(3, ""));
        assertEquals(2, statementsFor(300, ""));
    }

    @Test
    void asksThePragmasWithThreeStatementsWhateverTheNumberOfTablesTheTextReaderLeavesToThem() throws Exception {
        // A single-quoted column name is a turn SqliteCreateText leaves to the pragmas.
        assertEquals(2 + 3, statementsFor(3, ", 'quoted' TEXT"));
        assertEquals(2 + 3, statementsFor(300, ", 'quoted' TEXT"));
    }

    private static int statementsFor(int tables, String extraColumn) throws Exception {
        try (SqliteTestDatabase db = SqliteTestDatabase.create()) {
            StringBuilder script = new StringBuilder("CREATE TABLE t0 (id INTEGER PRIMARY KEY);\n");
            for (int i = 1; i < tables; i++) {
                script.append("CREATE TABLE t").append(i).append(" (id INTEGER PRIMARY KEY, p INTEGER REFERENCES t")
                        .append(i - 1).append(" (id), name TEXT UNIQUE").append(extraColumn)
                        .append(");\nCREATE INDEX i").append(i).append(" ON t").append(i).append(" (p);\n");
            }
            load(db, script.toString());
            AtomicInteger count = new AtomicInteger();
            try (Connection real = db.connect()) {
                Connection counting = (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(),
                        new Class<?>[] {Connection.class}, (proxy, method, args) -> {
                            if (method.getName().equals("createStatement")
                                    || method.getName().equals("prepareStatement")) {
                                count.incrementAndGet();
                            }
                            try {
                                return method.invoke(real, args);
                            } catch (InvocationTargetException e) {
                                throw e.getCause();
                            }
                        });
                assertEquals(tables, new SqliteInspector().inspect(counting, InspectOptions.defaults())
                        .schema("main").orElseThrow().tables().size());
            }
            return count.get();
        }
    }
}
