package dev.godwit.sqlite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.godwit.Godwit;
import dev.godwit.migrate.ClasspathMigrationSource;
import dev.godwit.migrate.JavaMigration;
import dev.godwit.migrate.JavaMigrations;
import dev.godwit.migrate.MigrationRun;
import dev.godwit.sqlite.javamigrations.V20261101000005__Seed_from_classes;
import dev.godwit.testkit.SqliteTestDatabase;
import java.io.OutputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Migration sources that are not a directory, against SQLite: class path folders and Java migration packages inside a
 * jar built by the test (as in a fat jar, where nothing is a file), and Java migrations in a class path directory.
 */
class SqliteMigrationSourcesTest {

    @TempDir
    Path base;
    private SqliteTestDatabase db;

    @BeforeEach
    void open() {
        db = SqliteTestDatabase.create();
    }

    @AfterEach
    void close() {
        db.close();
    }

    private static List<String> ids(List<MigrationRun> runs) {
        return runs.stream().map(r -> r.id().value()).toList();
    }

    private Path jar(Map<String, byte[]> entries) throws Exception {
        Path jar = base.resolve("app.jar");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
            for (Map.Entry<String, byte[]> e : entries.entrySet()) {
                out.putNextEntry(new JarEntry(e.getKey()));
                out.write(e.getValue());
                out.closeEntry();
            }
        }
        return jar;
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void classpathLocationReadsMigrationsRepeatablesAndCallbacksInsideAJar() throws Exception {
        Path jar = jar(Map.of(
                "db/migrations/20261101000000_users.sql", utf8("CREATE TABLE users (id int);"),
                "db/migrations/nested/20261101000001_seed.sql", utf8("INSERT INTO users VALUES (1);"),
                "db/migrations/R__user_view.sql", utf8("DROP VIEW IF EXISTS v;\nCREATE VIEW v AS SELECT id FROM users;"),
                "db/migrations/afterMigrate.sql", utf8("CREATE TABLE IF NOT EXISTS after_migrate (id int);"),
                "db/migrations/.godwit/snapshot.sql", utf8("not a migration"),
                "db/other/20261101000009_elsewhere.sql", utf8("CREATE TABLE elsewhere (id int);")));
        ClassLoader previous = Thread.currentThread().getContextClassLoader();
        try (URLClassLoader loader = new URLClassLoader(new URL[] {jar.toUri().toURL()}, previous)) {
            Thread.currentThread().setContextClassLoader(loader);
            Godwit godwit = Godwit.configure().url(db.url()).baseDirectory(base).locations("classpath:db/migrations")
                    .load();
            assertEquals(List.of("20261101000000_users", "20261101000001_seed", "R__user_view"),
                    ids(godwit.migrate().applied()));
            assertTrue(godwit.migrate().nothingToDo());
            assertEquals("classpath:db/migrations/nested/20261101000001_seed.sql",
                    godwit.status().migrations().get(1).location());
        } finally {
            Thread.currentThread().setContextClassLoader(previous);
        }
        assertEquals(List.of("1"), db.column("SELECT id FROM v"));
        assertTrue(db.hasTable("after_migrate"));
        assertTrue(!db.hasTable("elsewhere"));
    }

    @Test
    void javaMigrationsAreFoundByPackageInsideAJar() throws Exception {
        Path src = Files.createDirectories(base.resolve("src/jarred"));
        Files.writeString(src.resolve("V20261101000001__Make_jarred.java"), "package jarred;\n"
                + "public class V20261101000001__Make_jarred implements dev.godwit.migrate.JavaMigration {\n"
                + "  public void up(Context c) throws Exception {\n"
                + "    try (var s = c.connection().createStatement()) { s.execute(\"CREATE TABLE jarred (id int)\"); }\n"
                + "  }\n"
                + "}\n");
        Files.writeString(src.resolve("NotAMigration.java"), "package jarred;\npublic class NotAMigration { }\n");
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        assertNotNull(javac, "tests run on a JDK");
        Path classes = Files.createDirectories(base.resolve("classes"));
        String godwitCore = Path.of(JavaMigration.class.getProtectionDomain().getCodeSource().getLocation().toURI())
                .toString();
        assertEquals(0, javac.run(null, null, null, "-d", classes.toString(), "-cp", godwitCore,
                src.resolve("V20261101000001__Make_jarred.java").toString(), src.resolve("NotAMigration.java")
                        .toString()));
        Map<String, byte[]> entries = new java.util.HashMap<>();
        try (Stream<Path> walk = Files.walk(classes)) {
            for (Path p : walk.filter(Files::isRegularFile).toList()) {
                entries.put(classes.relativize(p).toString().replace('\\', '/'), Files.readAllBytes(p));
            }
        }
        Path jar = jar(entries);
        try (URLClassLoader loader = new URLClassLoader(new URL[] {jar.toUri().toURL()},
                getClass().getClassLoader())) {
            Godwit godwit = Godwit.configure().url(db.url()).baseDirectory(base)
                    .source(JavaMigrations.inPackage(loader, "jarred")).load();
            assertEquals(List.of("20261101000001"), ids(godwit.migrate().applied()));
            assertEquals("java:jarred.V20261101000001__Make_jarred", godwit.status().migrations().get(0).location());
        }
        assertTrue(db.hasTable("jarred"));
        assertEquals(List.of("JAVA"), db.column("SELECT kind FROM godwit_history"));
    }

    @Test
    void javaMigrationsAreFoundByPackageInAClassPathDirectory() throws Exception {
        Godwit godwit = Godwit.configure().url(db.url()).baseDirectory(base)
                .javaMigrations(V20261101000005__Seed_from_classes.class.getPackageName()).load();
        assertEquals(List.of("20261101000005", "R__Count_seeds"), ids(godwit.migrate().applied()));
        assertEquals(List.of("1"), db.column("SELECT n FROM seed_count"));
        assertEquals(List.of("REPEATABLE_JAVA"), db.column("SELECT kind FROM godwit_history WHERE id = 'R__Count_seeds'"));
    }

    /** A repeatable Java migration whose version the test raises. */
    static final class Refresh implements JavaMigration {
        private final int version;

        Refresh(int version) {
            this.version = version;
        }

        @Override
        public String id() {
            return "R__refresh";
        }

        @Override
        public boolean repeatable() {
            return true;
        }

        @Override
        public int version() {
            return version;
        }

        @Override
        public void up(Context context) throws Exception {
            try (java.sql.Statement s = context.connection().createStatement()) {
                s.execute("INSERT INTO refreshed VALUES (" + version + ")");
            }
        }
    }

    @Test
    void repeatableJavaMigrationRunsAgainOnlyWhenItsVersionIsRaised() throws Exception {
        dev.godwit.migrate.Migration table = dev.godwit.migrate.Migration.sql("20261101000000_t",
                "CREATE TABLE refreshed (v int);");
        assertEquals(List.of("20261101000000_t", "R__refresh"), ids(Godwit.configure().url(db.url())
                .migrations(table).javaMigrations(new Refresh(1)).load().migrate().applied()));
        assertTrue(Godwit.configure().url(db.url()).migrations(table).javaMigrations(new Refresh(1)).load().migrate()
                .nothingToDo());
        assertEquals(List.of("R__refresh"), ids(Godwit.configure().url(db.url()).migrations(table)
                .javaMigrations(new Refresh(2)).load().migrate().applied()));
        assertEquals(List.of("1", "2"), db.column("SELECT v FROM refreshed ORDER BY v"));
        assertEquals(List.of("2|R__refresh|REPEATABLE_JAVA"),
                db.column("SELECT seq || '|' || id || '|' || kind FROM godwit_history WHERE id = 'R__refresh'"));
    }
}
