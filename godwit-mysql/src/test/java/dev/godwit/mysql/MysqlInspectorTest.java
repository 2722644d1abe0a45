package dev.godwit.mysql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.godwit.dialect.InspectOptions;
import dev.godwit.dialect.SqlStatement;
import dev.godwit.model.Catalog;
import dev.godwit.model.Check;
import dev.godwit.model.Column;
import dev.godwit.model.DataType;
import dev.godwit.model.Equivalence;
import dev.godwit.model.ForeignKey;
import dev.godwit.model.Index;
import dev.godwit.model.QualifiedName;
import dev.godwit.model.Routine;
import dev.godwit.model.Schema;
import dev.godwit.model.Table;
import dev.godwit.model.UniqueConstraint;
import dev.godwit.model.View;
import dev.godwit.plan.CreateScript;
import dev.godwit.testkit.Corpus;
import dev.godwit.testkit.MysqlServer;
import dev.godwit.testkit.MysqlTestDatabase;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class MysqlInspectorTest {

    private final MysqlInspector inspector = new MysqlInspector();

    @Test
    void readsChinookTablesKeysLengthsAndIndexes() throws Exception {
        try (MysqlTestDatabase db = MysqlTestDatabase.create()) {
            load(db, Files.readString(Corpus.schema("chinook-mysql")));
            Schema schema = read(db, InspectOptions.defaults()).schema(db.name()).orElseThrow();

            assertEquals(List.of("Album", "Artist", "Customer", "Employee", "Genre", "Invoice", "InvoiceLine",
                    "MediaType", "Playlist", "PlaylistTrack", "Track"),
                    schema.tables().stream().map(t -> t.name().name()).toList());
            Table track = table(schema, "Track");
            ForeignKey album = fk(track, "FK_TrackAlbumId");
            assertEquals(List.of("AlbumId"), album.columns());
            assertEquals(QualifiedName.of(db.name(), "Album"), album.referencedTable());
            assertEquals(List.of("AlbumId"), album.referencedColumns());
            Column title = table(schema, "Album").column("Title").orElseThrow();
            assertEquals("varchar", title.type().name());
            assertEquals(Optional.of(160), title.type().length());
            assertTrue(title.collation().orElseThrow().startsWith("utf8"), "NVARCHAR is utf8: " + title.collation());
            assertEquals(new DataType("decimal", Optional.empty(), Optional.of(10), Optional.of(2), 0,
                    "decimal(10,2)"), track.column("UnitPrice").orElseThrow().type());
            assertEquals(List.of("PlaylistId", "TrackId"),
                    table(schema, "PlaylistTrack").primaryKey().orElseThrow().columns());
            assertEquals(List.of("IFK_TrackAlbumId", "IFK_TrackGenreId", "IFK_TrackMediaTypeId"),
                    track.indexes().stream().map(Index::name).toList());
            assertEquals("CREATE INDEX `IFK_TrackAlbumId` ON `Track` (`AlbumId`)", track.indexes().get(0).definition());
            assertEquals("InnoDB", track.attributes().get("engine"));
        }
    }

    @Test
    void readsColumnsKeysIndexesChecksViewsTriggersAndRoutines() throws Exception {
        try (MysqlTestDatabase db = MysqlTestDatabase.create()) {
            load(db, resource("inspector-features.sql"));
            Schema schema = read(db, InspectOptions.defaults()).schema(db.name()).orElseThrow();
            assertEquals(List.of("account", "ledger", "scratch"), schema.tables().stream()
                    .map(t -> t.name().name()).toList(), "the history table is left out");

            Table account = table(schema, "account");
            assertEquals(Optional.of("people"), account.comment());
            Column id = account.column("id").orElseThrow();
            assertEquals(Optional.of(new Column.Identity(false, Optional.empty())), id.identity());
            assertTrue(id.type().raw().contains("unsigned"), id.type().raw());
            Column email = account.column("email").orElseThrow();
            assertEquals(Optional.of("utf8mb4_bin"), email.collation());
            assertEquals(Optional.of("where we write"), email.comment());
            assertEquals(Optional.empty(), account.column("handle").orElseThrow().collation(),
                    "the table's default collation is not repeated");
            assertEquals(Optional.of("'it''s me'"), account.column("handle").orElseThrow().defaultExpression());
            assertEquals(Optional.of(3), account.column("created").orElseThrow().type().precision());
            assertEquals("current_timestamp(3)", account.attributes().get("column.created.on_update"));
            assertEquals(Optional.of("curdate()"), account.column("born").orElseThrow().defaultExpression());
            assertEquals(Optional.of("b'101'"), account.column("flags").orElseThrow().defaultExpression());
            assertEquals("enum('sad','ok','happy')", account.column("mood").orElseThrow().type().raw());
            // MariaDB prints the expression its own way (lower is lcase); MySQL keeps lower.
            assertTrue(account.column("email_lower").orElseThrow().generated().orElseThrow()
                    .matches("(lower|lcase)\\(`email`\\)"), account.column("email_lower").toString());
            assertEquals("VIRTUAL", account.attributes().get("column.email_lower.storage"));
            assertEquals(Optional.of("`balance` * 2"), account.column("score").orElseThrow().generated());
            assertEquals(Optional.of(8), account.column("ratio").orElseThrow().type().precision());

            assertEquals(List.of(new UniqueConstraint("account_email", List.of("email"), null)),
                    account.uniqueConstraints());
            assertEquals(List.of("account_bio:fulltext", "account_handle_bio:btree", "account_location:spatial"),
                    account.indexes().stream().map(i -> i.name() + ":" + i.method()).toList());
            Index handleBio = account.indexes().get(1);
            assertEquals("CREATE INDEX `account_handle_bio` ON `account` (`handle`, `bio`(20) DESC) "
                    + "COMMENT 'lookup'", handleBio.definition());
            assertTrue(handleBio.keys().get(1).descending());
            assertEquals(List.of(new Check("balance_not_negative", "`balance` >= 0")), account.checks());

            Table ledger = table(schema, "ledger");
            ForeignKey toAccount = fk(ledger, "ledger_account");
            assertEquals(ForeignKey.Action.CASCADE, toAccount.onDelete());
            assertEquals(ForeignKey.Action.SET_NULL, toAccount.onUpdate());
            assertEquals("DYNAMIC", ledger.attributes().get("row_format"));
            assertEquals(List.of("ledger_touch"), ledger.triggers().stream().map(t -> t.name()).toList());
            assertTrue(ledger.triggers().get(0).definition().startsWith("CREATE TRIGGER `ledger_touch` BEFORE "
                    + "INSERT ON `ledger` FOR EACH ROW BEGIN"), ledger.triggers().get(0).definition());
            assertEquals(Map.of("collation", "latin1_swedish_ci", "engine", "MyISAM"),
                    table(schema, "scratch").attributes());

            View rich = view(schema, "rich");
            assertEquals("CREATE VIEW `rich` AS select `account`.`id` AS `id`,`account`.`email` AS `email` from "
                    + "`account` where `account`.`balance` > 1000 WITH CASCADED CHECK OPTION", rich.definition());
            assertEquals(List.of(QualifiedName.of(db.name(), "account")), rich.dependsOn());
            View richLedger = view(schema, "rich_ledger");
            assertTrue(richLedger.definition().startsWith("CREATE SQL SECURITY INVOKER VIEW"));
            assertEquals(List.of("ledger", "rich"), richLedger.dependsOn().stream().map(QualifiedName::name).toList());

            Routine credit = routine(schema, "credit");
            assertEquals("procedure", credit.kind());
            assertEquals("IN `who` int(10) unsigned, IN `how_much` decimal(12,2)", credit.signature());
            assertTrue(credit.definition().contains("COMMENT 'adds money'") && credit.definition()
                    .contains("MODIFIES SQL DATA"), credit.definition());
            Routine twice = routine(schema, "twice");
            assertEquals("CREATE FUNCTION `twice`(`x` int(11)) RETURNS int(11)\n    DETERMINISTIC\n    NO SQL\n"
                    + "RETURN x * 2", twice.definition());
        }
    }

    /** The schema round trip: load, reflect, write the CREATE script, load it into an empty database, reflect. */
    @Test
    void aCreateScriptOfWhatWasReadRebuildsTheSameModel() throws Exception {
        for (String script : List.of(Files.readString(Corpus.schema("chinook-mysql")),
                resource("inspector-features.sql"))) {
            // A MySQL schema is a database: both databases get the same name, one after the other.
            String name = "godwit_rt_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
            Catalog first;
            try (MysqlTestDatabase db = MysqlServer.get().createDatabase(name)) {
                load(db, script);
                first = read(db, InspectOptions.defaults());
            }
            List<String> ddl = CreateScript.of(first, new MysqlDdlWriter());
            try (MysqlTestDatabase db = MysqlServer.get().createDatabase(name)) {
                try (Connection c = db.connect(); Statement s = c.createStatement()) {
                    for (String statement : ddl) {
                        try {
                            s.execute(statement);
                        } catch (SQLException e) {
                            throw new AssertionError("the CREATE script failed at: " + statement, e);
                        }
                    }
                }
                Catalog second = read(db, InspectOptions.defaults());
                assertEquals(List.of(), Equivalence.differences(first, second));
                assertEquals(first, second);
            }
        }
    }

    @Test
    void selectsByPatternAndReadsNamedDatabases() throws Exception {
        try (MysqlTestDatabase db = MysqlTestDatabase.create()) {
            load(db, resource("inspector-features.sql"));
            Catalog catalog = read(db, new InspectOptions(List.of(db.name(), "no_such_database"),
                    List.of("acc*", "led*", "rich*"), List.of("*_ledger"), Optional.empty()));
            Schema schema = catalog.schema(db.name()).orElseThrow();
            assertEquals(List.of(db.name()), catalog.schemas().stream().map(Schema::name).toList());
            assertEquals(List.of("account", "ledger"), schema.tables().stream().map(t -> t.name().name()).toList());
            assertEquals(List.of("rich"), schema.views().stream().map(v -> v.name().name()).toList());
            assertEquals(List.of(), schema.routines());
        }
    }

    @Test
    void issuesTheSameNumberOfQueriesForFiveAndFortyTables() throws Exception {
        try (MysqlTestDatabase small = MysqlTestDatabase.create(); MysqlTestDatabase large = MysqlTestDatabase.create()) {
            load(small, tables(5));
            load(large, tables(40));
            int forSmall = statementsFor(small, 5);
            int forLarge = statementsFor(large, 40);
            assertEquals(forSmall, forLarge);
            assertTrue(forSmall <= 14, forSmall + " statements");
        }
    }

    private int statementsFor(MysqlTestDatabase db, int tables) throws SQLException {
        AtomicInteger statements = new AtomicInteger();
        try (Connection real = db.connect()) {
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
            Schema read = inspector.inspect(counting, InspectOptions.defaults()).schema(db.name()).orElseThrow();
            assertEquals(tables, read.tables().size());
            assertEquals((tables + 9) / 10, read.views().size());
            read.tables().stream().filter(t -> !t.name().name().equals("t0")).forEach(t -> {
                assertEquals(1, t.foreignKeys().size(), t.name().toString());
                // Its own index and the one MySQL made for the foreign key.
                assertEquals(2, t.indexes().size(), t.name().toString());
                assertEquals(1, t.checks().size(), t.name().toString());
                assertEquals(1, t.triggers().size(), t.name().toString());
            });
        }
        return statements.get();
    }

    /** {@code count} tables, each with a key, a foreign key, a check, an index and a trigger; a view per ten. */
    private static String tables(int count) {
        StringBuilder sql = new StringBuilder();
        for (int i = 0; i < count; i++) {
            sql.append("CREATE TABLE t").append(i).append(" (id int PRIMARY KEY, parent int, label varchar(20)")
                    .append(" CHECK (label <> ''), at timestamp NULL DEFAULT current_timestamp")
                    .append(i == 0 ? "" : ", CONSTRAINT t" + i + "_parent FOREIGN KEY (parent) REFERENCES t0 (id)")
                    .append(");\n");
            if (i > 0) {
                sql.append("CREATE INDEX t").append(i).append("_label ON t").append(i).append(" (label);\n");
                sql.append("CREATE TRIGGER t").append(i).append("_touch BEFORE INSERT ON t").append(i)
                        .append(" FOR EACH ROW SET NEW.at = now();\n");
            }
            if (i % 10 == 0) {
                sql.append("CREATE VIEW v").append(i).append(" AS SELECT id FROM t").append(i).append(";\n");
            }
        }
        return sql.toString();
    }

    private Catalog read(MysqlTestDatabase db, InspectOptions options) throws SQLException {
        try (Connection c = db.connect()) {
            return inspector.inspect(c, options);
        }
    }

    /** Runs a script statement by statement on one connection, as the mysql client would. */
    static void load(MysqlTestDatabase db, String script) throws SQLException {
        try (Connection c = db.connect(); Statement s = c.createStatement()) {
            for (SqlStatement statement : new MysqlStatementSplitter().split(script)) {
                s.execute(statement.sql());
            }
        }
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = MysqlInspectorTest.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static Table table(Schema schema, String name) {
        return schema.table(name).orElseThrow(() -> new AssertionError("no table " + name + " in " + schema.name()));
    }

    private static View view(Schema schema, String name) {
        return schema.views().stream().filter(v -> v.name().name().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no view " + name));
    }

    private static Routine routine(Schema schema, String name) {
        return schema.routines().stream().filter(r -> r.name().name().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no routine " + name));
    }

    private static ForeignKey fk(Table table, String name) {
        return table.foreignKeys().stream().filter(f -> f.name().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no foreign key " + name + " on " + table.name()));
    }
}
