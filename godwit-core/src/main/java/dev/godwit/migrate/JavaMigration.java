package dev.godwit.migrate;

import java.sql.Connection;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A migration written in Java. Found on the class path by package ({@link JavaMigrations#inPackage}) or registered
 * in code ({@link JavaMigrations#of}); a class found by scanning needs a public no-argument constructor.
 *
 * <p>The history keeps no text of a Java migration: its checksum is made from its id and {@link #version()}, so
 * raise the version when the migration's effect changes (an error for a versioned migration, a re-run for a
 * repeatable one). A class named like Flyway's ({@code V3__Add_email}, {@code R__Refresh_views}) takes its id,
 * description and repeatability from the name unless it overrides them.
 */
public interface JavaMigration {

    /**
     * Applies the migration. {@code context.connection()} is in the migration's transaction (when it has one): do not
     * commit, roll back or close it. Throw to fail the migration.
     */
    void up(Context context) throws Exception;

    /** Rolls the migration back; only called when {@link #reversible()} says so. */
    default void down(Context context) throws Exception {
        throw new UnsupportedOperationException(getClass().getName() + " has no down()");
    }

    /** True when {@link #down} is implemented. */
    default boolean reversible() {
        return false;
    }

    /** The migration's id: by default from a Flyway-style class name ({@code V3__Add_email} is {@code 3}). */
    default String id() {
        Matcher m = Names.FLYWAY.matcher(getClass().getSimpleName());
        if (m.matches()) {
            return m.group(1).equals("R") ? "R__" + m.group(3) : m.group(2).replace('_', '.');
        }
        return getClass().getSimpleName();
    }

    /** A human description; by default from the class name. */
    default String description() {
        Matcher m = Names.FLYWAY.matcher(getClass().getSimpleName());
        return (m.matches() ? m.group(3) : getClass().getSimpleName()).replace('_', ' ').strip();
    }

    /** References to the migrations it depends on, as in {@code -- godwit:depends}. */
    default List<String> dependencies() {
        return List.of();
    }

    /** Whether it runs in one transaction with its history row. */
    default TransactionMode transactionMode() {
        return TransactionMode.TRANSACTIONAL;
    }

    /** True for a repeatable migration; by default when the class name starts with {@code R__}. */
    default boolean repeatable() {
        return getClass().getSimpleName().startsWith("R__");
    }

    /** The version its checksum is made from; raise it when the migration changes. */
    default int version() {
        return 1;
    }

    /**
     * What a Java migration is given.
     *
     * @param migration  the migration being applied or rolled back
     * @param connection the session's connection, in the migration's transaction when it has one
     */
    record Context(Migration migration, Connection connection) {
        public Optional<String> description() {
            return Optional.of(migration.description()).filter(d -> !d.isEmpty());
        }
    }

    /** The name patterns; a holder because interface fields are public. */
    final class Names {
        static final Pattern FLYWAY = Pattern.compile("([VR])(\\d+(?:_\\d+)*)?__(.+)");

        private Names() {
        }
    }
}
