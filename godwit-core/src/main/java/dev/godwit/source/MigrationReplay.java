package dev.godwit.source;

import dev.godwit.error.GodwitException;
import dev.godwit.error.Redaction;
import dev.godwit.migrate.DirectoryMigrationSource;
import dev.godwit.migrate.Migration;
import dev.godwit.migrate.MigrateOptions;
import dev.godwit.migrate.MigrationGraph;
import dev.godwit.migrate.MigrationListener;
import dev.godwit.migrate.MigrationState;
import dev.godwit.migrate.Migrator;
import dev.godwit.migrate.MigratorSettings;
import dev.godwit.migrate.StatusResult;
import dev.godwit.dialect.ConnectionSource;
import dev.godwit.dialect.Dialect;
import dev.godwit.dialect.Dialects;
import dev.godwit.snapshot.Snapshot;
import dev.godwit.snapshot.SnapshotReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The state a migration directory makes, found the cheapest way that is exact:
 * <ol>
 * <li>the snapshot, when its revision is the newest migration: offline, no database;</li>
 * <li>else {@code database}, when given and every migration is applied to it (and nothing else is);</li>
 * <li>else the migrations replayed into a scratch database, which is then dropped.</li>
 * </ol>
 *
 * @param directory the migrations
 * @param snapshot  the snapshot kept for them, when there is one ({@code <dir>/.godwit/snapshot.json})
 * @param database  a database these migrations are applied to, to read before replaying
 */
public record MigrationReplay(Path directory, Path snapshot, Optional<String> database) implements SchemaSource {

    public MigrationReplay {
        Objects.requireNonNull(directory, "directory");
        database = database == null ? Optional.empty() : database;
    }

    /** The same migrations, read from {@code url} when the snapshot is not current and every migration is applied. */
    public MigrationReplay withDatabase(String url) {
        return new MigrationReplay(directory, snapshot, Optional.of(url));
    }

    @Override
    public String describe() {
        return "migrations:" + directory;
    }

    @Override
    public SchemaState resolve(SourceSettings settings) {
        String shown = settings.display(directory);
        List<Migration> order = MigrationGraph.of(new DirectoryMigrationSource(directory, settings.baseDirectory())
                .load()).order();
        Optional<String> head = order.isEmpty() ? Optional.empty()
                : Optional.of(order.get(order.size() - 1).id().value());
        if (snapshot != null && Files.isRegularFile(snapshot)) {
            Snapshot saved = SnapshotReader.read(snapshot);
            if (saved.revision().equals(head)) {
                return new SchemaState(saved.catalog(), List.of(), head, "snapshot " + settings.display(snapshot)
                        + head.map(r -> " at " + r).orElse(" (no migrations)"));
            }
        }
        if (database.isPresent() && fullyApplied(database.get(), settings)) {
            return new SchemaState(LiveDatabase.read(database.get(), settings), List.of(), head, "database "
                    + Redaction.url(database.get()) + head.map(r -> " at " + r).orElse(""));
        }
        try (ScratchDatabase scratch = ScratchDatabase.create(settings, "replay the migrations of " + shown)) {
            try {
                migrator(scratch.dialect(), scratch.connections(), settings).migrate(MigrateOptions.all());
            } catch (GodwitException e) {
                throw new GodwitException(e.code(), "Replaying the migrations of " + shown + " into a scratch "
                        + scratch.dialect().name() + " database failed: " + e.getMessage(), e);
            }
            return new SchemaState(scratch.inspect(settings), List.of(), head, order.size() + " migrations of "
                    + shown + " replayed into a scratch " + scratch.dialect().name() + " database");
        }
    }

    /** True when the database holds exactly these migrations, all applied with their current text. */
    private boolean fullyApplied(String url, SourceSettings settings) {
        StatusResult status = migrator(Dialects.forUrl(url), settings.connector().apply(url), settings).status();
        return status.migrations().stream().allMatch(s -> s.state() == MigrationState.APPLIED);
    }

    private Migrator migrator(Dialect dialect, ConnectionSource connections, SourceSettings settings) {
        return new Migrator(new MigratorSettings(dialect, connections,
                List.of(new DirectoryMigrationSource(directory, settings.baseDirectory())), settings.historyTable(),
                settings.schema(), Duration.ofMinutes(1), MigrationListener.NONE, settings.godwitVersion(),
                settings.localUser()));
    }
}
