package dev.godwit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.godwit.cli.jpamodel.Note;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --to jpa:PACKAGE} with {@code --classpath}: generate, migrate and check from entity classes on SQLite. */
class CliJpaTest {

    @TempDir
    Path dir;

    private static String testClasses() throws Exception {
        return Path.of(Note.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
    }

    @Test
    void generatesAMigrationFromEntitiesThatMigrateAppliesAndCheckFindsInSync() throws Exception {
        Files.createDirectories(dir.resolve("migrations"));
        Cli cli = new Cli(dir);
        String[] common = {"--url", "jdbc:sqlite:app.db", "--classpath", testClasses(), "--to",
                "jpa:dev.godwit.cli.jpamodel"};
        Cli.Result generated = cli.run(concat(common, "generate", "create notes"));
        assertEquals(0, generated.exitCode(), generated::toString);
        assertTrue(generated.out().contains("create table main.Note"), generated::toString);
        Cli.Result migrated = cli.run("--url", "jdbc:sqlite:app.db", "migrate");
        assertEquals(0, migrated.exitCode(), migrated::toString);
        Cli.Result check = cli.run(concat(common, "check"));
        assertEquals(0, check.exitCode(), check::toString);
    }

    @Test
    void theClassPathCanComeFromTheEnvironment() throws Exception {
        Files.createDirectories(dir.resolve("migrations"));
        Cli.Result diff = new Cli(dir, Map.of("GODWIT_CLASSPATH", testClasses())).run("--url", "jdbc:sqlite:app.db",
                "diff", "--to", "jpa:dev.godwit.cli.jpamodel");
        assertTrue(diff.out().contains("CREATE TABLE Note"), diff::toString);
    }

    @Test
    void aPackageWithoutEntitiesIsAUsageErrorNamingIt() throws Exception {
        Files.createDirectories(dir.resolve("migrations"));
        Cli.Result r = new Cli(dir).run("--url", "jdbc:sqlite:app.db", "--classpath", testClasses(), "generate",
                "x", "--to", "jpa:com.example.nothing");
        assertEquals(64, r.exitCode(), r::toString);
        assertTrue(r.err().contains("com.example.nothing"), r::toString);
    }

    private static String[] concat(String[] a, String... b) {
        String[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
