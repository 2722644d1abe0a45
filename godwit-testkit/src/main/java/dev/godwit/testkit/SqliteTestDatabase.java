package dev.godwit.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.Comparator;
import java.util.stream.Stream;

/** A SQLite file in a temporary directory of its own, deleted on close. */
public final class SqliteTestDatabase implements TestDatabase {

    private final Path directory;
    private final Path file;

    private SqliteTestDatabase(Path directory) {
        this.directory = directory;
        this.file = directory.resolve("test.db");
    }

    /** A new, empty database file. */
    public static SqliteTestDatabase create() {
        try {
            return new SqliteTestDatabase(Files.createTempDirectory("godwit-sqlite-"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Path file() {
        return file;
    }

    @Override
    public String url() {
        return "jdbc:sqlite:" + file;
    }

    @Override
    public String dialect() {
        return "sqlite";
    }

    @Override
    public boolean hasTable(String name) throws SQLException {
        return !column("SELECT name FROM sqlite_master WHERE type = 'table' AND name = '" + name.replace("'", "''")
                + "'").isEmpty();
    }

    @Override
    public void close() {
        try (Stream<Path> files = Files.walk(directory)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
