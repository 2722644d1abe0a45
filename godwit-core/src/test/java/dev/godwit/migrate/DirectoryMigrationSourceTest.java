package dev.godwit.migrate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.godwit.error.GodwitException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DirectoryMigrationSourceTest {

    @TempDir
    Path base;

    private Path dir() throws Exception {
        return Files.createDirectories(base.resolve("migrations"));
    }

    private List<Migration> load() {
        return new DirectoryMigrationSource(base.resolve("migrations"), base).load().stream()
                .sorted(Comparator.comparing(Migration::id)).toList();
    }

    @Test
    void readsGodwitAndFlywayNamesWithUndoScriptsAsDown() throws Exception {
        Files.writeString(dir().resolve("20261101000000_create_users.sql"), "CREATE TABLE users (id int);");
        Files.writeString(dir().resolve("V2__add_email.sql"), "ALTER TABLE users ADD email text;");
        Files.writeString(dir().resolve("U2__add_email.sql"), "ALTER TABLE users DROP email;");
        Files.createDirectories(dir().resolve("sub"));
        Files.writeString(dir().resolve("sub/V10__more.sql"), "SELECT 1;");
        Files.createDirectories(dir().resolve(".godwit"));
        Files.writeString(dir().resolve(".godwit/ignored.sql"), "not a migration");
        List<Migration> all = load();
        assertEquals(List.of("2", "10", "20261101000000_create_users"),
                all.stream().map(m -> m.id().value()).toList());
        assertEquals("add email", all.get(0).description());
        assertEquals("ALTER TABLE users DROP email;", all.get(0).down().orElseThrow().text().strip());
        assertEquals("migrations/20261101000000_create_users.sql", all.get(2).location());
    }

    @Test
    void misnamedFileIsAnErrorNamingIt() throws Exception {
        Files.writeString(dir().resolve("add_users.sql"), "SELECT 1;");
        GodwitException e = assertThrows(GodwitException.class, this::load);
        assertTrue(e.getMessage().startsWith("migrations/add_users.sql is not named like a migration"),
                e.getMessage());
    }

    @Test
    void missingDirectoryIsAnErrorSayingHowToCreateIt() {
        GodwitException e = assertThrows(GodwitException.class, this::load);
        assertTrue(e.getMessage().contains("does not exist. Create it with `godwit init`"), e.getMessage());
    }

    @Test
    void undoScriptWithoutItsMigrationIsAnError() throws Exception {
        Files.writeString(dir().resolve("U3__x.sql"), "SELECT 1;");
        assertTrue(assertThrows(GodwitException.class, this::load).getMessage().contains("has no versioned "
                + "migration V3__*.sql"));
    }

    @Test
    void hiddenFilesAndDirectoriesAndOtherExtensionsAreSkipped() throws Exception {
        Files.writeString(dir().resolve("20261101000000_a.sql"), "SELECT 1;");
        Files.writeString(dir().resolve(".20261101000001_editor_backup.sql"), "not a migration");
        Files.createDirectories(dir().resolve(".git/objects"));
        Files.writeString(dir().resolve(".git/objects/x.sql"), "not a migration");
        Files.writeString(dir().resolve("README.md"), "notes");
        assertEquals(List.of("20261101000000_a"), load().stream().map(m -> m.id().value()).toList());
    }

    @Test
    void flywayVersionsWithDotsAndUnderscoresOrderNumerically() throws Exception {
        for (String name : List.of("V1.10__c.sql", "V1.2__b.sql", "V1_1__a.sql", "V2__d.sql")) {
            Files.writeString(dir().resolve(name), "SELECT 1;");
        }
        assertEquals(List.of("1.1", "1.2", "1.10", "2"), MigrationGraph.of(load()).order().stream()
                .map(m -> m.id().value()).toList());
    }

    @Test
    void flywayVersionWrittenWithUnderscoreIsTheSameVersionAsWithDot() throws Exception {
        Files.writeString(dir().resolve("V1_1__a.sql"), "SELECT 1;");
        Files.writeString(dir().resolve("U1_1__a.sql"), "SELECT 2;");
        Files.writeString(dir().resolve("V1__base.sql"), "SELECT 0;");
        List<Migration> all = load();
        assertEquals(List.of("1", "1.1"), all.stream().map(m -> m.id().value()).toList());
        assertEquals("SELECT 2;", all.get(1).down().orElseThrow().text());
        // `-- godwit:depends 1` and `rollback --target 1` must not also match version 1.1.
        assertTrue(MigrationGraph.of(all).find("1").orElseThrow().id().equals(MigrationId.of("1")));
        Files.writeString(dir().resolve("V1.1__again.sql"), "SELECT 1;");
        assertTrue(assertThrows(GodwitException.class, () -> MigrationGraph.of(load())).getMessage()
                .contains("Two migrations have the id 1.1"));
    }

    @Test
    void undoScriptNextToADownSectionIsAnErrorNamingBoth() throws Exception {
        Files.writeString(dir().resolve("V3__x.sql"), "-- godwit:up\nSELECT 1;\n-- godwit:down\nSELECT 2;\n");
        Files.writeString(dir().resolve("U3__x.sql"), "SELECT 2;");
        String message = assertThrows(GodwitException.class, this::load).getMessage();
        assertTrue(message.contains("migrations/V3__x.sql and migrations/U3__x.sql"), message);
    }

    @Test
    void repeatableScriptsAndCallbackFilesAreRead() throws Exception {
        Files.writeString(dir().resolve("R__user_view.sql"), "CREATE VIEW v AS SELECT 1;");
        Files.writeString(dir().resolve("afterMigrate.sql"), "SELECT 1;");
        DirectoryMigrationSource source = new DirectoryMigrationSource(base.resolve("migrations"), base);
        Migration repeatable = source.load().get(0);
        assertEquals("R__user_view", repeatable.id().value());
        assertEquals(MigrationKind.REPEATABLE_SQL, repeatable.kind());
        assertEquals(List.of("migrations/afterMigrate.sql"), source.callbacks().stream().map(Object::toString).toList());
    }
}
