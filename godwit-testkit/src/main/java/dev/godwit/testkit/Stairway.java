package dev.godwit.testkit;

import dev.godwit.Godwit;
import dev.godwit.GodwitConfig;
import dev.godwit.error.GodwitException;
import dev.godwit.migrate.DirectoryMigrationSource;
import dev.godwit.migrate.MigrateOptions;
import dev.godwit.migrate.Migration;
import dev.godwit.migrate.MigrationGraph;
import dev.godwit.migrate.MigrationSource;
import dev.godwit.migrate.MigrationState;
import dev.godwit.migrate.RollbackOptions;
import dev.godwit.model.Catalog;
import dev.godwit.model.Equivalence;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The stairway check: walks the migrations up one at a time and, after each, down one step and up again, asserting
 * that every down section puts the schema back exactly as it was before its up section (by
 * {@link Equivalence#differences}) and that the up section then runs again to the same schema. It stops at the
 * first migration that fails, naming it and listing the differences, so a broken rollback is found before it is
 * needed in production.
 * <pre>{@code
 * Stairway.check(Path.of("src/main/resources/db/migrations"), Database.POSTGRES);
 * }</pre>
 * The database must have no migration applied (an {@link IllegalStateException} says so otherwise): the check
 * applies every migration to it and leaves it at the newest. Only the schema is compared, not the rows.
 */
public final class Stairway {

    /** What to do with a migration that has no down section. */
    public enum MissingDown {
        /** Fail the check, naming the migration: every migration must be reversible. */
        FAIL,
        /** Apply it and go on without the down step: for migrations that are irreversible on purpose. */
        SKIP
    }

    private Stairway() {
    }

    /**
     * Checks the migrations in {@code directory} on a fresh database of this kind, dropped after; a migration without
     * a down section fails. For {@link Database#URL}, make the database with the server's URL and pass it instead.
     */
    public static StairwayResult check(Path directory, Database kind) {
        try (TestDatabase database = FreshDatabase.make(kind, "")) {
            return check(directory, database);
        }
    }

    /** Checks the migrations in {@code directory} on {@code database}; a migration without a down section fails. */
    public static StairwayResult check(Path directory, TestDatabase database) {
        return check(directory, database, MissingDown.FAIL);
    }

    /** Checks the migrations in {@code directory} on {@code database}. */
    public static StairwayResult check(Path directory, TestDatabase database, MissingDown missingDown) {
        return check(Godwit.configure().url(database.url()).locations(directory.toString()).noSnapshot()
                .localUser("godwit-stairway").load(), missingDown);
    }

    /**
     * Checks the migrations of a configured Godwit on its database: its locations and sources, history table and
     * schema. Configure it with {@code noSnapshot()}, or each step rewrites the snapshot file.
     *
     * @throws StairwayFailure at the first migration whose up or down fails, whose down does not restore the schema,
     *                         or (with {@link MissingDown#FAIL}) that has no down section
     */
    public static StairwayResult check(Godwit godwit, MissingDown missingDown) {
        List<Migration> order = MigrationGraph.of(migrations(godwit.config())).order();
        // Each rollback step undoes the newest applied migration: that is the one just applied only when the walk
        // started from nothing.
        godwit.status().migrations().stream().filter(s -> s.state() != MigrationState.PENDING).findFirst()
                .ifPresent(s -> {
                    throw new IllegalStateException("The stairway check needs a database with no migration "
                            + "applied, but " + s.id().value() + " is " + s.state() + " on "
                            + godwit.config().displayUrl() + ". Give it a fresh database.");
                });
        List<String> checked = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        Catalog before = godwit.state();
        for (Migration m : order) {
            String name = m.id().value() + " (" + m.location() + ")";
            up(godwit, m, name);
            Catalog after = godwit.state();
            if (m.down().isEmpty()) {
                if (missingDown == MissingDown.FAIL) {
                    throw new StairwayFailure(m.id().value(), "Stairway check failed at migration " + name
                            + ": it has no down section, so it cannot be rolled back. Add a '-- godwit:down' "
                            + "section, or check with MissingDown.SKIP if it is irreversible on purpose.",
                            List.of());
                }
                skipped.add(m.id().value());
                before = after;
                continue;
            }
            try {
                godwit.rollback(RollbackOptions.steps(1));
            } catch (GodwitException e) {
                throw new StairwayFailure(m.id().value(), "Stairway check failed at migration " + name
                        + ": its down section failed: " + e.getMessage(), List.of(), e);
            }
            expectSame(m, before, godwit.state(), "its down section did not restore the schema as it was before it. "
                    + "Differences (before up, after down)");
            up(godwit, m, name + ", applied again after its down section,");
            expectSame(m, after, godwit.state(), "applied again after its down section, it made a different schema. "
                    + "Differences (first up, second up)");
            checked.add(m.id().value());
            before = after;
        }
        return new StairwayResult(checked, skipped);
    }

    private static void up(Godwit godwit, Migration m, String name) {
        try {
            godwit.migrate(MigrateOptions.all().withTarget(m.id().value()));
        } catch (GodwitException e) {
            throw new StairwayFailure(m.id().value(), "Stairway check failed at migration " + name + ": its up "
                    + "section failed: " + e.getMessage(), List.of(), e);
        }
    }

    private static void expectSame(Migration m, Catalog expected, Catalog actual, String what) {
        List<String> differences = Equivalence.differences(expected, actual);
        if (!differences.isEmpty()) {
            throw new StairwayFailure(m.id().value(), "Stairway check failed at migration " + m.id().value() + " ("
                    + m.location() + "): " + what + ":\n  " + String.join("\n  ", differences), differences);
        }
    }

    /** Every migration the configuration names, as {@code Godwit} itself finds them. */
    private static List<Migration> migrations(GodwitConfig config) {
        List<Migration> all = new ArrayList<>();
        for (String location : config.locations()) {
            String path = location.replaceFirst("^filesystem:", "");
            all.addAll(new DirectoryMigrationSource(config.baseDirectory().resolve(path), config.baseDirectory())
                    .load());
        }
        for (MigrationSource source : config.sources()) {
            all.addAll(source.load());
        }
        return all;
    }
}
