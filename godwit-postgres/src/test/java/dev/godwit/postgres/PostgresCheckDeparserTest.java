package dev.godwit.postgres;

import static dev.godwit.postgres.PostgresInspectorTest.load;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.godwit.dialect.InspectOptions;
import dev.godwit.model.Catalog;
import dev.godwit.model.Check;
import dev.godwit.model.Table;
import dev.godwit.postgres.PostgresCheckDeparser.Routine;
import dev.godwit.postgres.PostgresNodeTree.Node;
import dev.godwit.postgres.PostgresNodeTree.Unreadable;
import dev.godwit.testkit.Corpus;
import dev.godwit.testkit.PostgresTestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The CHECK printer against the server: every check it prints reads exactly as pg_get_constraintdef prints it, the
 * common shapes are printed here (not left to the server), and the inspector's checks equal the server's either way.
 */
class PostgresCheckDeparserTest {

    /** Checks of table ck.t, by name; the value says whether the printer must print it itself. */
    private static final Map<String, Boolean> SHAPES = new LinkedHashMap<>();

    static {
        SHAPES.put("qty IS NULL OR qty >= 0", true);
        SHAPES.put("name IN ('x', 'y''z', '')", true);
        SHAPES.put("code IN ('a', 'b')", true);
        SHAPES.put("code = 'x'", true);
        SHAPES.put("s < 3 AND qty <> -1 AND qty > -2147483648", true);
        SHAPES.put("\"Mixed\" > qty", true);
        SHAPES.put("amount >= 0", true);
        SHAPES.put("qty BETWEEN 1 AND 10", true);
        SHAPES.put("name IS NOT NULL AND code IS NULL", true);
        SHAPES.put("s::integer > 1", true);
        SHAPES.put("code::text <> 'z'", true);
        SHAPES.put("qty IN (1, 2, 3)", true);
        SHAPES.put("qty NOT IN (4, 5)", true);
        SHAPES.put("ok = true OR ok = false", true);
        SHAPES.put("s IN (1, 2)", true);
        SHAPES.put("name ~ '^[a-z]+$' AND name LIKE 'a%' AND name NOT LIKE 'b%'", true);
        SHAPES.put("tags IS NULL OR NOT ok", true);
        SHAPES.put("ok IS NOT TRUE OR ok IS FALSE OR ok IS UNKNOWN", true);
        SHAPES.put("big < 0 OR big IS NULL", true);
        SHAPES.put("\"Space d\" <> 'a''b'", true);
        SHAPES.put("code::text IN ('p', 'q')", true);
        SHAPES.put("char_length(name) <= 10 AND length(code) > 0", true);
        SHAPES.put("lower(name) = name AND btrim(name) <> ''", true);
        SHAPES.put("strpos(name, 'z') <> 1 AND starts_with(name, 'q') IS NOT TRUE AND NOT starts_with(name, 'r')", true);
        // Left to the server: a bigint constant (its byte order is not known), numeric and non-ASCII constants,
        // a function named by a key word, in SQL syntax or variadic, a column named by a key word, COLLATE, a
        // backslash, an operator of another schema.
        SHAPES.put("big > 5000000000", false);
        SHAPES.put("amount > 0.5", false);
        SHAPES.put("name <> 'é'", false);
        SHAPES.put("\"left\"(name, 1) <> 'a'", false);
        SHAPES.put("substring(name from 1 for 2) <> 'ab'", false);
        SHAPES.put("concat(name, 'x') <> ''", false);
        SHAPES.put("\"select\" > 0", false);
        SHAPES.put("name <> 'a' COLLATE \"C\"", false);
        SHAPES.put("name <> 'a\\b'", false);
        SHAPES.put("qty OPERATOR(ck.===) 1", false);
        SHAPES.put("amount::numeric(5, 1) > 1", false);
        SHAPES.put("d > '2000-01-01'", false);
    }

    private static String schema() {
        StringBuilder sql = new StringBuilder("""
                CREATE SCHEMA ck;
                CREATE FUNCTION ck.same(integer, integer) RETURNS boolean LANGUAGE sql IMMUTABLE AS 'SELECT $1 = $2';
                CREATE OPERATOR ck.=== (LEFTARG = integer, RIGHTARG = integer, FUNCTION = ck.same);
                CREATE TABLE ck.t (qty integer, name text, code varchar(5), big bigint, s smallint, ok boolean,
                    "Mixed" integer, amount numeric, tags text[], "select" integer, "Space d" text, d date
                """);
        int i = 0;
        for (String shape : SHAPES.keySet()) {
            sql.append(",\n  CONSTRAINT c").append(i++).append(" CHECK (").append(shape).append(')');
        }
        sql.append(");\n");
        sql.append("ALTER TABLE ck.t ADD CONSTRAINT novalid CHECK (qty < 100) NOT VALID;\n");
        sql.append("ALTER TABLE ck.t ADD CONSTRAINT noinherit CHECK (qty < 200) NO INHERIT;\n");
        return sql.toString();
    }

    @Test
    void printsCommonChecksAsTheServerDoesAndLeavesTheRestToIt() throws Exception {
        try (PostgresTestDatabase db = PostgresTestDatabase.create()) {
            load(db, schema());
            try (Connection c = db.connect(); Statement s = c.createStatement()) {
                s.execute("SET search_path = ''");
                Map<Integer, String> columns = new HashMap<>();
                try (ResultSet rs = s.executeQuery("SELECT attnum, attname FROM pg_catalog.pg_attribute "
                        + "WHERE attrelid = 'ck.t'::pg_catalog.regclass AND attnum > 0")) {
                    while (rs.next()) {
                        columns.put(rs.getInt(1), rs.getString(2));
                    }
                }
                Map<String, String[]> checks = new TreeMap<>();
                try (ResultSet rs = s.executeQuery("SELECT conname, conbin::text, pg_catalog.pg_get_constraintdef(oid)"
                        + " FROM pg_catalog.pg_constraint WHERE conrelid = 'ck.t'::pg_catalog.regclass"
                        + " AND contype = 'c'")) {
                    while (rs.next()) {
                        checks.put(rs.getString(1), new String[] {rs.getString(2), rs.getString(3)});
                    }
                }
                int i = 0;
                for (Map.Entry<String, Boolean> shape : SHAPES.entrySet()) {
                    String[] check = checks.get("c" + i++);
                    String printed;
                    try {
                        Node tree = PostgresCheckDeparser.parse(check[0]);
                        printed = PostgresCheckDeparser.check(tree, columns::get, routines(c, tree));
                    } catch (Unreadable e) {
                        printed = null;
                    }
                    if (printed != null) {
                        assertEquals(check[1], printed, "CHECK (" + shape.getKey() + ")");
                    }
                    assertEquals(shape.getValue(), printed != null, "printed here: CHECK (" + shape.getKey() + ")"
                            + " (server: " + check[1] + ")");
                }
            }
        }
    }

    @Test
    void theInspectorsChecksAreTheServersIncludingNotValidAndNoInherit() throws Exception {
        try (PostgresTestDatabase db = PostgresTestDatabase.create()) {
            load(db, schema());
            try (Connection c = db.connect()) {
                Catalog catalog = new PostgresInspector().inspect(c, new InspectOptions(List.of("ck"), List.of(),
                        List.of(), Optional.empty()));
                Table t = catalog.schemas().get(0).tables().get(0);
                Map<String, String> read = new TreeMap<>();
                for (Check check : t.checks()) {
                    read.put(check.name(), check.expression());
                }
                Map<String, String> server = new TreeMap<>();
                try (Statement s = c.createStatement()) {
                    s.execute("SET search_path = ''");
                    try (ResultSet rs = s.executeQuery("SELECT conname, pg_catalog.pg_get_constraintdef(oid) "
                            + "FROM pg_catalog.pg_constraint WHERE conrelid = 'ck.t'::pg_catalog.regclass "
                            + "AND contype = 'c'")) {
                        while (rs.next()) {
                            server.put(rs.getString(1), rs.getString(2));
                        }
                    }
                }
                assertEquals(SHAPES.size() + 2, server.size());
                assertEquals(server, read);
                assertTrue(read.get("novalid").endsWith(" NOT VALID"), read.get("novalid"));
                assertTrue(read.get("noinherit").endsWith(" NO INHERIT"), read.get("noinherit"));
            }
        }
    }

    /**
     * Every CHECK of every PostgreSQL schema in the corpus (the diff cases with a check, pagila): the printer's text is
     * the server's wherever it prints one.
     */
    @Test
    void printsEveryCorpusCheckTheServersWay() throws Exception {
        List<Path> files = new ArrayList<>();
        for (Path file : Corpus.diffCaseFiles("postgres")) {
            if (Files.readString(file).toLowerCase(Locale.ROOT).contains("check")) {
                files.add(file);
            }
        }
        Assumptions.assumeFalse(files.isEmpty(), "no corpus beside this checkout");
        files.add(Corpus.schema("pagila"));
        int compared = 0;
        int printed = 0;
        try (PostgresTestDatabase db = PostgresTestDatabase.create(); Connection c = db.connect()) {
            for (Path file : files) {
                PostgresCases.empty(c);
                try {
                    PostgresCases.load(c, Files.readString(file));
                } catch (SQLException e) {
                    // A few apgdiff files are fragments that do not load on their own; their checks are skipped.
                    continue;
                }
                try (Statement s = c.createStatement()) {
                    s.execute("SET search_path = ''");
                    Map<Long, Map<Integer, String>> columns = new HashMap<>();
                    try (ResultSet rs = s.executeQuery("SELECT attrelid::int8, attnum, attname FROM pg_catalog.pg_attribute"
                            + " WHERE attrelid IN (SELECT conrelid FROM pg_catalog.pg_constraint WHERE contype = 'c')"
                            + " AND attnum > 0")) {
                        while (rs.next()) {
                            columns.computeIfAbsent(rs.getLong(1), t -> new HashMap<>()).put(rs.getInt(2), rs.getString(3));
                        }
                    }
                    try (ResultSet rs = s.executeQuery("SELECT conrelid::int8, conname, conbin::text, "
                            + "pg_catalog.pg_get_constraintdef(oid) FROM pg_catalog.pg_constraint "
                            + "WHERE contype = 'c' AND conrelid <> 0 AND connamespace NOT IN "
                            + "('pg_catalog'::pg_catalog.regnamespace, 'information_schema'::pg_catalog.regnamespace)")) {
                        while (rs.next()) {
                            compared++;
                            Map<Integer, String> names = columns.getOrDefault(rs.getLong(1), Map.of());
                            try {
                                Node tree = PostgresCheckDeparser.parse(rs.getString(3));
                                String text = PostgresCheckDeparser.check(tree, names::get, routines(c, tree));
                                assertEquals(rs.getString(4), text, Corpus.label(file) + ": " + rs.getString(2));
                                printed++;
                            } catch (Unreadable e) {
                                // left to the server
                            }
                        }
                    }
                }
            }
        }
        assertTrue(compared >= 10 && printed * 2 >= compared, printed + " of " + compared + " checks printed here");
    }

    /** quoteAsServer never prints bare a word the server quotes: every key word but the unreserved ones. */
    @Test
    void leavesEveryKeyWordTheServerQuotesToTheServer() throws Exception {
        try (PostgresTestDatabase db = PostgresTestDatabase.create(); Connection c = db.connect();
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT word, catcode, pg_catalog.quote_ident(word) "
                     + "FROM pg_catalog.pg_get_keywords()")) {
            int quoted = 0;
            while (rs.next()) {
                String word = rs.getString(1);
                if (!rs.getString(2).equals("U")) {
                    assertNull(PostgresNames.quoteAsServer(word), word);
                    quoted++;
                } else {
                    assertEquals(rs.getString(3), PostgresNames.quoteAsServer(word), word);
                }
            }
            assertTrue(quoted > 80, "the server lists its key words");
        }
        assertEquals("\"Mixed\"", PostgresNames.quoteAsServer("Mixed"));
        assertEquals("\"a$b\"", PostgresNames.quoteAsServer("a$b"));
        assertEquals("\"a\"\"b\"", PostgresNames.quoteAsServer("a\"b"));
        assertEquals("qty_2", PostgresNames.quoteAsServer("qty_2"));
    }

    @Test
    void refusesTextThatIsNotANodeTree() {
        for (String text : List.of("", "{", "{OPEXPR :opno}", "(1 2)", "{OPEXPR :opno 1} {VAR}", "{VAR 1}",
                "{CONST :constvalue 4 [ 1 2 ", "{CONST :constvalue x [ ]}", "{CONST :constvalue 4 [ 1 999 ]}",
                "}", "{OPEXPR :args (1 2 3) :opno 525}")) {
            assertThrows(Unreadable.class, () -> {
                Node tree = PostgresCheckDeparser.parse(text);
                PostgresCheckDeparser.check(tree, attnum -> "c", Map.of(525L, Routine.operator(">=", 23, 23)));
            }, text);
        }
    }

    /** A datum whose byte order cannot be told is refused, never read the wrong way. */
    @Test
    void readsConstantsOfEitherByteOrderAndRefusesAmbiguousOnes() throws Exception {
        Map<Long, Routine> ge = Map.of(525L, Routine.operator(">=", 23, 23));
        String little = "{OPEXPR :opno 525 :args ({VAR :varno 1 :varattno 1 :vartype 23 :varlevelsup 0} "
                + "{CONST :consttype 23 :consttypmod -1 :constcollid 0 :constisnull false "
                + ":constvalue 4 [ 5 1 0 0 0 0 0 0 ]})}";
        String big = little.replace("[ 5 1 0 0 0 0 0 0 ]", "[ 0 0 0 0 0 0 1 5 ]");
        String neither = little.replace("[ 5 1 0 0 0 0 0 0 ]", "[ 5 0 0 0 0 0 0 5 ]");
        assertEquals("CHECK ((c >= 261))", PostgresCheckDeparser.check(PostgresCheckDeparser.parse(little), a -> "c", ge));
        assertEquals("CHECK ((c >= 261))", PostgresCheckDeparser.check(PostgresCheckDeparser.parse(big), a -> "c", ge));
        assertThrows(Unreadable.class, () -> PostgresCheckDeparser.check(PostgresCheckDeparser.parse(neither),
                a -> "c", ge));
    }

    /** The operators and functions a tree uses, as the inspector looks them up (check_names.sql). */
    private static Map<Long, Routine> routines(Connection c, Node tree) throws Exception {
        Set<Long> oids = new HashSet<>();
        PostgresCheckDeparser.collectRoutines(tree, oids);
        Map<Long, Routine> routines = new HashMap<>();
        if (!oids.isEmpty()) {
            CatalogQuery.of("check_names.sql").run(c, "int8", oids.toArray(), rs -> routines.put(rs.getLong("oid"),
                    new Routine(rs.getString("kind").equals("o"), rs.getString("name"),
                            CatalogQuery.longs(rs, "arg_types"))));
        }
        return routines;
    }
}
