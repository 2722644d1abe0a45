package dev.godwit.generate;

import dev.godwit.error.ErrorCode;
import dev.godwit.error.GodwitException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.stream.Stream;

/** Names new migration files: {@code <yyyyMMddHHmmss>_<slug>.sql}, the id a UTC timestamp unique in the directory. */
public final class MigrationFiles {

    private static final DateTimeFormatter ID = DateTimeFormatter.ofPattern("yyyyMMddHHmmss");

    private MigrationFiles() {
    }

    /** The file name part of a description: lower case, runs of other characters as one underscore. */
    public static String slug(String description) {
        String slug = description.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_").replaceAll("^_|_$", "");
        if (slug.isEmpty()) {
            throw new GodwitException(ErrorCode.USAGE, "The description '" + description + "' has no letters or "
                    + "digits to name the file with. Describe the change, e.g. `add email to users`.");
        }
        return slug;
    }

    /**
     * The path of the next migration in {@code directory} (not created): the current second, or the first later
     * second no file in the directory starts with, so two files made in one second keep their creation order.
     */
    public static Path next(Path directory, String description, Clock clock) {
        String slug = slug(description);
        LocalDateTime time = LocalDateTime.now(clock);
        Path file;
        do {
            file = directory.resolve(ID.format(time) + "_" + slug + ".sql");
            time = time.plusSeconds(1);
        } while (Files.exists(file) || sameSecondExists(directory, file));
        return file;
    }

    /** The id of a migration file this class named: its name without {@code .sql}. */
    public static String id(Path file) {
        String name = file.getFileName().toString();
        return name.substring(0, name.length() - ".sql".length());
    }

    private static boolean sameSecondExists(Path dir, Path file) {
        if (!Files.isDirectory(dir)) {
            return false;
        }
        String prefix = file.getFileName().toString().substring(0, 15);
        try (Stream<Path> files = Files.list(dir)) {
            return files.anyMatch(f -> f.getFileName().toString().startsWith(prefix));
        } catch (IOException e) {
            throw new GodwitException(ErrorCode.MIGRATION_SOURCE, "Cannot list " + dir + ": " + e.getMessage(), e);
        }
    }
}
