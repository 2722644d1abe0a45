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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Migrations in a directory tree (hidden directories such as {@code .godwit/} skipped):
 * <ul>
 * <li>{@code <id>_<slug>.sql}, id a UTC timestamp {@code yyyyMMddHHmmss}, with {@code -- godwit:} markers;</li>
 * <li>Flyway's {@code V<version>__<description>.sql}, with its undo script {@code U<version>__<description>.sql}
 * as the down section; as in Flyway, {@code _} in a version is a dot ({@code V1_1} is version {@code 1.1}).</li>
 * </ul>
 * Any other {@code .sql} file is an error, repeatable {@code R__} scripts included until they are supported: a
 * migration that is silently skipped is worse than a refusal.
 */
public final class DirectoryMigrationSource implements MigrationSource {

    private static final Pattern GODWIT = Pattern.compile("(\\d{8,})_([^.]+)\\.sql");
    private static final Pattern FLYWAY = Pattern.compile("([VU])(\\d+(?:[._]\\d+)*)__(.+)\\.sql");
    private static final Pattern REPEATABLE = Pattern.compile("R__(.+)\\.sql");

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
        List<Migration> migrations = new ArrayList<>();
        Map<String, Path> undo = new HashMap<>();
        for (Path file : sqlFiles()) {
            String name = file.getFileName().toString();
            Matcher godwit = GODWIT.matcher(name);
            Matcher flyway = FLYWAY.matcher(name);
            if (godwit.matches()) {
                migrations.add(MigrationScript.parse(MigrationId.of(godwit.group(1) + "_" + godwit.group(2)),
                        describe(godwit.group(2)), display(file), read(file)));
            } else if (flyway.matches() && flyway.group(1).equals("U")) {
                undo.put(version(flyway.group(2)), file);
            } else if (flyway.matches()) {
                migrations.add(MigrationScript.parse(MigrationId.of(version(flyway.group(2))),
                        describe(flyway.group(3)), display(file), read(file)));
            } else if (REPEATABLE.matcher(name).matches()) {
                throw new GodwitException(ErrorCode.MIGRATION_SOURCE, display(file) + " is a repeatable migration "
                        + "(R__), which this version does not run yet. Make it a versioned migration "
                        + "(`godwit new <description>`), or move it out of " + display(directory) + ".");
            } else {
                throw new GodwitException(ErrorCode.MIGRATION_SOURCE, display(file)
                        + " is not named like a migration. Rename it to <yyyyMMddHHmmss>_<description>.sql "
                        + "(`godwit new <description>` makes one) or V<version>__<description>.sql, or move it out "
                        + "of " + display(directory) + ".");
            }
        }
        return withUndo(migrations, undo);
    }

    private List<Migration> withUndo(List<Migration> migrations, Map<String, Path> undo) {
        List<Migration> result = new ArrayList<>(migrations.size());
        for (Migration m : migrations) {
            Path undoFile = undo.remove(m.id().value());
            if (undoFile == null) {
                result.add(m);
                continue;
            }
            if (m.down().isPresent()) {
                throw new GodwitException(ErrorCode.MIGRATION_SOURCE, "Migration " + m.id() + " has two down "
                        + "scripts: the '-- godwit:down' section of " + m.location() + " and " + display(undoFile)
                        + ". Keep one.");
            }
            Section down = MigrationScript.parse(m.id(), m.description(), display(undoFile), read(undoFile)).up();
            result.add(new Migration(m.id(), m.description(), m.kind(), m.location(), m.up(), Optional.of(down),
                    m.dependencies(), m.transactionMode()));
        }
        if (!undo.isEmpty()) {
            Path orphan = undo.values().iterator().next();
            throw new GodwitException(ErrorCode.MIGRATION_SOURCE, "The undo script " + display(orphan)
                    + " has no versioned migration V" + undo.keySet().iterator().next()
                    + "__*.sql beside it. Rename it to match its migration, or remove it.");
        }
        return result;
    }

    private List<Path> sqlFiles() {
        try (Stream<Path> walk = Files.walk(directory)) {
            return walk.filter(p -> !isHidden(directory.relativize(p)))
                    .filter(p -> p.getFileName().toString().endsWith(".sql"))
                    .filter(Files::isRegularFile)
                    .sorted()
                    .toList();
        } catch (IOException | UncheckedIOException e) {
            throw new GodwitException(ErrorCode.MIGRATION_SOURCE, "Cannot list the migration directory "
                    + display(directory) + ": " + e.getMessage(), e);
        }
    }

    private static boolean isHidden(Path relative) {
        for (Path part : relative) {
            if (part.toString().startsWith(".")) {
                return true;
            }
        }
        return false;
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

    /** Flyway reads {@code V1_1__x.sql} as version 1.1, so do we: the same id, order and references. */
    private static String version(String digits) {
        return digits.replace('_', '.');
    }

    private static String describe(String slug) {
        return slug.replace('_', ' ').strip();
    }
}
