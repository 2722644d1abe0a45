package dev.godwit.migrate;

import dev.godwit.error.ErrorCode;
import dev.godwit.error.GodwitException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The scripts of one migration folder, wherever it is (a directory, the class path), read by their names:
 * <ul>
 * <li>{@code <id>_<slug>.sql}, id a UTC timestamp {@code yyyyMMddHHmmss}, with {@code -- godwit:} markers;</li>
 * <li>Flyway's {@code V<version>__<description>.sql}, with its undo script {@code U<version>__<description>.sql}
 * as the down section; as in Flyway, {@code _} in a version is a dot ({@code V1_1} is version {@code 1.1});</li>
 * <li>repeatable {@code R__<description>.sql}, id {@code R__<description>}, applied again when its text changes;</li>
 * <li>callbacks named after their event ({@code beforeMigrate.sql}, {@code afterEachMigrate.sql}, ...).</li>
 * </ul>
 * Any other {@code .sql} file is an error: a migration that is silently skipped is worse than a refusal.
 */
final class ScriptSet {

    private static final Pattern GODWIT = Pattern.compile("(\\d{8,})_([^.]+)\\.sql");
    private static final Pattern FLYWAY = Pattern.compile("([VU])(\\d+(?:[._]\\d+)*)__(.+)\\.sql");
    private static final Pattern REPEATABLE = Pattern.compile("R__(.+)\\.sql");

    /** One script: its file name, how messages name it, and its text when asked. */
    record Script(String name, String display, Supplier<String> text) {
    }

    final List<Migration> migrations;
    final List<Callback> callbacks;

    private ScriptSet(List<Migration> migrations, List<Callback> callbacks) {
        this.migrations = migrations;
        this.callbacks = callbacks;
    }

    /**
     * @param folder how messages name the folder ("migrations", "classpath:db/migrations")
     */
    static ScriptSet read(List<Script> scripts, String folder) {
        List<Migration> migrations = new ArrayList<>();
        List<Callback> callbacks = new ArrayList<>();
        Map<String, Script> undo = new HashMap<>();
        for (Script file : scripts) {
            String name = file.name();
            Matcher godwit = GODWIT.matcher(name);
            Matcher flyway = FLYWAY.matcher(name);
            Matcher repeatable = REPEATABLE.matcher(name);
            Optional<Callback.Event> event = Callback.Event.forFileName(name);
            if (godwit.matches()) {
                migrations.add(MigrationScript.parse(MigrationId.of(godwit.group(1) + "_" + godwit.group(2)),
                        describe(godwit.group(2)), file.display(), file.text().get()));
            } else if (flyway.matches() && flyway.group(1).equals("U")) {
                undo.put(version(flyway.group(2)), file);
            } else if (flyway.matches()) {
                migrations.add(MigrationScript.parse(MigrationId.of(version(flyway.group(2))),
                        describe(flyway.group(3)), file.display(), file.text().get()));
            } else if (repeatable.matches()) {
                Migration m = MigrationScript.parse(MigrationId.of("R__" + repeatable.group(1)),
                        describe(repeatable.group(1)), file.display(), file.text().get());
                migrations.add(new Migration(m.id(), m.description(), MigrationKind.REPEATABLE_SQL, m.location(),
                        m.up(), m.down(), m.dependencies(), m.transactionMode()));
            } else if (event.isPresent()) {
                callbacks.add(new SqlCallback(event.get(), file.display(), file.text().get()));
            } else {
                throw new GodwitException(ErrorCode.MIGRATION_SOURCE, file.display()
                        + " is not named like a migration. Rename it to <yyyyMMddHHmmss>_<description>.sql "
                        + "(`godwit new <description>` makes one), V<version>__<description>.sql or "
                        + "R__<description>.sql (repeatable), or move it out of " + folder + ".");
            }
        }
        return new ScriptSet(withUndo(migrations, undo), List.copyOf(callbacks));
    }

    private static List<Migration> withUndo(List<Migration> migrations, Map<String, Script> undo) {
        List<Migration> result = new ArrayList<>(migrations.size());
        for (Migration m : migrations) {
            Script undoFile = undo.remove(m.id().value());
            if (undoFile == null) {
                result.add(m);
                continue;
            }
            if (m.down().isPresent()) {
                throw new GodwitException(ErrorCode.MIGRATION_SOURCE, "Migration " + m.id() + " has two down "
                        + "scripts: the '-- godwit:down' section of " + m.location() + " and " + undoFile.display()
                        + ". Keep one.");
            }
            Section down = MigrationScript.parse(m.id(), m.description(), undoFile.display(), undoFile.text().get())
                    .up();
            result.add(new Migration(m.id(), m.description(), m.kind(), m.location(), m.up(), Optional.of(down),
                    m.dependencies(), m.transactionMode()));
        }
        if (!undo.isEmpty()) {
            Script orphan = undo.values().iterator().next();
            throw new GodwitException(ErrorCode.MIGRATION_SOURCE, "The undo script " + orphan.display()
                    + " has no versioned migration V" + undo.keySet().iterator().next()
                    + "__*.sql beside it. Rename it to match its migration, or remove it.");
        }
        return result;
    }

    /** Flyway reads {@code V1_1__x.sql} as version 1.1, so do we: the same id, order and references. */
    private static String version(String digits) {
        return digits.replace('_', '.');
    }

    private static String describe(String slug) {
        return slug.replace('_', ' ').strip();
    }
}
