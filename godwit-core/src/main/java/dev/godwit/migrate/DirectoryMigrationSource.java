package dev.godwit.migrate;

import dev.godwit.error.ErrorCode;
import dev.godwit.error.GodwitException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Migrations in a directory tree (hidden directories such as {@code .godwit/} skipped), named as {@link ScriptSet}
 * describes: Godwit's {@code <id>_<slug>.sql}, Flyway's {@code V}/{@code U}/{@code R__} scripts, and SQL callbacks
 * ({@code beforeMigrate.sql}, ...). Any other {@code .sql} file is an error: a migration that is silently skipped is
 * worse than a refusal.
 */
public final class DirectoryMigrationSource implements MigrationSource {

    private final Path directory;
    private final Path displayBase;

    /**
     * @param directory   the directory to read
     * @param displayBase the directory file names in messages are relative to (usually the working directory)
     */
    public DirectoryMigrationSource(Path directory, Path displayBase) {
        this.directory = directory;
        this.displayBase = displayBase;
    }

    public DirectoryMigrationSource(Path directory) {
        this(directory, directory.toAbsolutePath().getParent());
    }

    /** The directory this source reads. */
    public Path directory() {
        return directory;
    }

    @Override
    public List<Migration> load() {
        if (!Files.isDirectory(directory)) {
            throw new GodwitException(ErrorCode.MIGRATION_SOURCE, "The migration directory " + display(directory)
                    + " does not exist. Create it with `godwit init`, or point --dir (GODWIT_DIR) at your "
                    + "migrations.");
        }
        return scripts().migrations;
    }

    /** The SQL callbacks in the directory ({@code beforeMigrate.sql}, ...). */
    @Override
    public List<Callback> callbacks() {
        return Files.isDirectory(directory) ? scripts().callbacks : List.of();
    }

    private ScriptSet scripts() {
        List<ScriptSet.Script> scripts = new ArrayList<>();
        for (Path file : sqlFiles()) {
            scripts.add(new ScriptSet.Script(file.getFileName().toString(), display(file), () -> read(file)));
        }
        return ScriptSet.read(scripts, display(directory));
    }

    /**
     * The {@code .sql} files under the directory, hidden folders ({@code .godwit}, where concurrent runs write and
     * rename snapshot files) not entered, and a file that vanishes while the tree is walked skipped.
     */
    private List<Path> sqlFiles() {
        List<Path> files = new ArrayList<>();
        try {
            Files.walkFileTree(directory, new java.nio.file.SimpleFileVisitor<>() {
                @Override
                public java.nio.file.FileVisitResult preVisitDirectory(Path dir,
                        java.nio.file.attribute.BasicFileAttributes attrs) {
                    return !dir.equals(directory) && dir.getFileName().toString().startsWith(".")
                            ? java.nio.file.FileVisitResult.SKIP_SUBTREE : java.nio.file.FileVisitResult.CONTINUE;
                }

                @Override
                public java.nio.file.FileVisitResult visitFile(Path file,
                        java.nio.file.attribute.BasicFileAttributes attrs) {
                    String name = file.getFileName().toString();
                    if (attrs.isRegularFile() && name.endsWith(".sql") && !name.startsWith(".")) {
                        files.add(file);
                    }
                    return java.nio.file.FileVisitResult.CONTINUE;
                }

                @Override
                public java.nio.file.FileVisitResult visitFileFailed(Path file, IOException e) throws IOException {
                    if (e instanceof java.nio.file.NoSuchFileException) {
                        return java.nio.file.FileVisitResult.CONTINUE;
                    }
                    throw e;
                }
            });
        } catch (IOException | UncheckedIOException e) {
            throw new GodwitException(ErrorCode.MIGRATION_SOURCE, "Cannot list the migration directory "
                    + display(directory) + ": " + e.getMessage(), e);
        }
        files.sort(null);
        return files;
    }

    private String read(Path file) {
        try {
            return StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(Files.readAllBytes(file)))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new GodwitException(ErrorCode.MIGRATION_SOURCE, display(file)
                    + " is not valid UTF-8. Save it as UTF-8.", e);
        } catch (IOException e) {
            throw new GodwitException(ErrorCode.MIGRATION_SOURCE, "Cannot read " + display(file) + ": "
                    + e.getMessage(), e);
        }
    }

    private String display(Path path) {
        Path absolute = path.toAbsolutePath().normalize();
        if (displayBase != null && absolute.startsWith(displayBase.toAbsolutePath().normalize())) {
            return displayBase.toAbsolutePath().normalize().relativize(absolute).toString();
        }
        return absolute.toString();
    }
}
