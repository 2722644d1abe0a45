package dev.godwit.migrate;

import dev.godwit.dialect.ConnectionSource;
import dev.godwit.dialect.Dialect;
import dev.godwit.model.QualifiedName;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a {@link Migrator} works with; validated once, then never changed.
 *
 * @param dialect       the database's dialect
 * @param connections   where connections come from
 * @param sources       where migrations come from
 * @param historyTable  the history table, qualified when a schema is configured
 * @param schema        where unqualified objects go (PostgreSQL {@code search_path}), when configured
 * @param lockTimeout   how long to wait for another migrator's lock
 * @param listener      told about each migration as it runs
 * @param godwitVersion recorded in each history row
 * @param localUser     recorded as {@code applied_by} when the database has no user name (SQLite)
 * @param callbacks     run around {@code migrate}, before the callbacks of the sources
 */
public record MigratorSettings(Dialect dialect, ConnectionSource connections, List<MigrationSource> sources,
                               QualifiedName historyTable, Optional<String> schema, Duration lockTimeout,
                               MigrationListener listener, String godwitVersion,
                               String localUser, List<Callback> callbacks) {

    public MigratorSettings {
        Objects.requireNonNull(dialect, "dialect");
        Objects.requireNonNull(connections, "connections");
        sources = List.copyOf(sources);
        Objects.requireNonNull(historyTable, "historyTable");
        schema = schema == null ? Optional.empty() : schema;
        Objects.requireNonNull(lockTimeout, "lockTimeout");
        listener = listener == null ? MigrationListener.NONE : listener;
        godwitVersion = godwitVersion == null ? "unknown" : godwitVersion;
        localUser = localUser == null || localUser.isBlank() ? "unknown" : localUser;
        callbacks = callbacks == null ? List.of() : List.copyOf(callbacks);
    }

    /** Settings without callbacks in code. */
    public MigratorSettings(Dialect dialect, ConnectionSource connections, List<MigrationSource> sources,
                            QualifiedName historyTable, Optional<String> schema, Duration lockTimeout,
                            MigrationListener listener, String godwitVersion, String localUser) {
        this(dialect, connections, sources, historyTable, schema, lockTimeout, listener, godwitVersion, localUser,
                List.of());
    }
}
