package dev.godwit;

import dev.godwit.dialect.ConnectionSource;
import dev.godwit.dialect.Dialect;
import dev.godwit.dialect.Dialects;
import dev.godwit.dialect.InspectOptions;
import dev.godwit.error.ErrorCode;
import dev.godwit.error.GodwitException;
import dev.godwit.generate.DiffOptions;
import dev.godwit.generate.DiffResult;
import dev.godwit.generate.GenerateOptions;
import dev.godwit.generate.GenerateResult;
import dev.godwit.generate.MigrationFiles;
import dev.godwit.generate.MigrationGenerator;
import dev.godwit.migrate.ClasspathMigrationSource;
import dev.godwit.migrate.DirectoryMigrationSource;
import dev.godwit.migrate.MigrateOptions;
import dev.godwit.migrate.MigrateResult;
import dev.godwit.migrate.MigrationId;
import dev.godwit.migrate.MigrationState;
import dev.godwit.migrate.MigrationSource;
import dev.godwit.migrate.Migrator;
import dev.godwit.migrate.MigratorSettings;
import dev.godwit.migrate.RepairResult;
import dev.godwit.migrate.RollbackOptions;
import dev.godwit.migrate.RollbackResult;
import dev.godwit.migrate.StatusResult;
import dev.godwit.migrate.ValidateResult;
import dev.godwit.model.Catalog;
import dev.godwit.model.QualifiedName;
import dev.godwit.plan.CreateScript;
import dev.godwit.restore.RestoreOptions;
import dev.godwit.restore.RestoreResult;
import dev.godwit.restore.Restorer;
import dev.godwit.snapshot.Snapshot;
import dev.godwit.source.MigrationReplay;
import dev.godwit.source.SchemaSource;
import dev.godwit.source.SchemaState;
import dev.godwit.source.SourceSettings;
import dev.godwit.source.StateReader;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Godwit's front door.
 * <pre>{@code
 * MigrateResult result = Godwit.configure()
 *         .url("jdbc:postgresql://localhost/app", "app", secret)
 *         .locations("db/migrations")
 *         .load()
 *         .migrate();
 * }</pre>
 * An instance is immutable and thread-safe; each call opens its own connections and closes them before it returns.
 */
public final class Godwit {

    private final GodwitConfig config;
    private final ConnectionSource connections;
    private volatile Migrator migrator;

    Godwit(GodwitConfig config) {
        this.config = config;
        this.connections = config.dataSource().map(Connections::of)
                .orElseGet(() -> Connections.of(config.url().orElseThrow(), config.user().orElse(null),
                        config.password().orElse(null)));
    }

    /** Starts a configuration. */
    public static GodwitConfig.Builder configure() {
        return new GodwitConfig.Builder();
    }

    public GodwitConfig config() {
        return config;
    }

    /** Applies every pending migration. */
    public MigrateResult migrate() {
        return migrate(MigrateOptions.all());
    }

    /**
     * Applies pending migrations, up to a target, or only shows them ({@link MigrateOptions#dryRun()}). When a run
     * applied something (or the snapshot file is missing) and a snapshot file is configured, the schema is reflected
     * and saved there, keyed to the newest applied migration.
     */
    public MigrateResult migrate(MigrateOptions options) {
        MigrateResult result = migrator().migrate(options);
        if (!result.dryRun()) {
            config.snapshotFile()
                    .filter(file -> !result.nothingToDo() || !Files.exists(file))
                    .ifPresent(file -> snapshots().save(file, result.revision().map(MigrationId::value)));
        }
        return result;
    }

    /**
     * Reflects the database and saves it as the snapshot of the newest applied migration.
     *
     * @param file        where to write it
     * @param requireHead refuse when migrations are pending, so the snapshot is the state at the newest migration
     * @return the snapshot written, or empty when this dialect cannot reflect yet
     */
    public Optional<Snapshot> saveSnapshot(Path file,
                                                                          boolean requireHead) {
        StatusResult status = status();
        long pending = status.count(MigrationState.PENDING);
        if (requireHead && pending > 0) {
            throw new GodwitException(ErrorCode.VALIDATION, pending + " migrations are pending, so the database is "
                    + "not at the newest migration. Run `godwit migrate` first, or `godwit snapshot --reflect` to "
                    + "save the database as it is.");
        }
        return snapshots().save(file, status.migrations().stream().filter(s -> s.state() != MigrationState.PENDING)
                .reduce((first, second) -> second).map(s -> s.id().value()));
    }

    private SnapshotKeeper snapshots() {
        return new SnapshotKeeper(options -> state());
    }

    /** Applied, pending, changed, failed and missing migrations. */
    public StatusResult status() {
        return migrator().status();
    }

    /** Checksum and order checks; changes nothing. */
    public ValidateResult validate() {
        return migrator().validate();
    }

    /** Runs the down sections of the newest applied migrations. */
    public RollbackResult rollback(RollbackOptions options) {
        return migrator().rollback(options);
    }

    /** Clears failed rows and accepts changed texts. */
    public RepairResult repair() {
        return migrator().repair();
    }

    /**
     * Waits until the database accepts a connection, trying every {@code interval}; for containers and CI jobs that
     * start the database and the migration together.
     *
     * @return how long it took
     * @throws GodwitException with {@code CONNECTION} and the last failure when {@code timeout} runs out
     */
    public Duration awaitDatabase(Duration timeout, Duration interval) {
        long started = System.nanoTime();
        long deadline = started + timeout.toNanos();
        while (true) {
            try (Connection c = connections.open()) {
                return Duration.ofNanos(System.nanoTime() - started);
            } catch (GodwitException | SQLException e) {
                if (System.nanoTime() + interval.toNanos() > deadline) {
                    throw new GodwitException(ErrorCode.CONNECTION, "The database did not accept a connection within "
                            + timeout.toSeconds() + " s. Last failure: " + e.getMessage(), e);
                }
            }
            try {
                Thread.sleep(interval.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new GodwitException(ErrorCode.CONNECTION, "Interrupted while waiting for the database.", e);
            }
        }
    }

    /**
     * Reads the database's schema into the model. Empty {@code options.schemas()} means the configured schema, or
     * the connection's default; the history table is always left out.
     */
    public Catalog inspect(InspectOptions options) {
        Dialect dialect = dialect();
        List<String> schemas = options.schemas().isEmpty() ? config.schema().map(List::of).orElse(List.of())
                : options.schemas();
        InspectOptions effective = new InspectOptions(schemas,
                options.include(), options.exclude(),
                Optional.of(QualifiedName.of(config.schema().orElse(null), config.table())));
        try (Connection c = connections.open()) {
            return dialect.inspector().inspect(c, effective, connections);
        } catch (SQLException e) {
            throw new GodwitException(ErrorCode.CONNECTION, "Cannot read the schema of " + config.displayUrl() + ": "
                    + dialect.describe(e) + (e.getSQLState() == null ? "" : " [SQLState " + e.getSQLState() + "]")
                    + ".", e);
        }
    }

    /**
     * Reads a schema state. SQL files are loaded into a scratch database made with the configured URL's product
     * (for PostgreSQL, on its server).
     */
    public SchemaState resolve(SchemaSource source) {
        return source.resolve(sourceSettings(List.of(source)));
    }

    /**
     * Compares two states and plans the change from one to the other; changes nothing. Scratch databases for SQL
     * files are made on the server of a live source of the two, or else of the configured URL.
     *
     * @throws GodwitException {@code UNSUPPORTED} ("unsupported: ...") when the dialect cannot make a change
     */
    public DiffResult diff(SchemaSource from, SchemaSource to, DiffOptions options) {
        SourceSettings settings = sourceSettings(List.of(from, to));
        SchemaState a = from.resolve(settings);
        SchemaState b = to.resolve(settings);
        return MigrationGenerator.diff(a, b, options);
    }

    /**
     * The state the configured migration directory makes: its snapshot when at the newest migration (offline),
     * else the migrations replayed into a scratch database.
     */
    public MigrationReplay migrations() {
        if (config.locations().size() != 1 || !config.sources().isEmpty()
                || config.locations().get(0).startsWith("classpath:")) {
            throw new GodwitException(ErrorCode.CONFIG, "Generating and checking migrations needs one migration "
                    + "directory; the configuration has " + config.locations() + ". Set --dir (GODWIT_DIR).");
        }
        Path dir = config.baseDirectory().resolve(config.locations().get(0).replaceFirst("^filesystem:", ""))
                .normalize();
        return new MigrationReplay(dir, config.snapshotFile().orElse(null), Optional.empty());
    }

    /**
     * Writes the migration that takes the migrations' state ({@link #migrations()}, or with
     * {@link GenerateOptions#readDatabase()} the configured database when every migration is applied to it) to
     * {@code to}, with up and down sections, then saves {@code to} as the snapshot at the new migration. Writes
     * nothing when there is nothing to do.
     *
     * @throws GodwitException {@code UNSAFE_CHANGE} when the plan loses data and that is not allowed,
     *                         {@code UNSUPPORTED} when the dialect cannot make a change
     */
    public GenerateResult generate(String description, SchemaSource to, GenerateOptions options) {
        MigrationFiles.slug(description);
        MigrationReplay from = migrations();
        if (options.readDatabase() && config.url().isPresent()) {
            from = from.withDatabase(config.url().get());
        }
        DiffResult result = diff(from, to, options.diffOptions());
        return MigrationGenerator.write(description, result, from.directory(), config.snapshotFile(), options);
    }

    private SourceSettings sourceSettings(List<SchemaSource> sources) {
        String server = sources.stream().flatMap(s -> s.url().stream()).findFirst()
                .orElseGet(() -> config.url().orElseGet(this::dataSourceUrl));
        return new SourceSettings(server, url -> Connections.of(url, config.user().orElse(null),
                config.password().orElse(null)), config.schema(), QualifiedName.of(config.schema().orElse(null),
                config.table()), config.baseDirectory(), GodwitVersion.get(), config.localUser());
    }

    private String dataSourceUrl() {
        try (Connection c = connections.open()) {
            return c.getMetaData().getURL();
        } catch (SQLException e) {
            throw new GodwitException(ErrorCode.CONNECTION, "Cannot read the data source's URL: " + e.getMessage(), e);
        }
    }

    /**
     * The database as a schema state, as {@code migrate} saves it in the snapshot and the diff commands compare it:
     * the configured schema, or else every schema the user made; never the history table.
     */
    public Catalog state() {
        Dialect dialect = dialect();
        try (Connection c = connections.open()) {
            return StateReader.read(dialect, c, connections, config.schema(),
                    QualifiedName.of(config.schema().orElse(null), config.table()));
        } catch (SQLException e) {
            throw new GodwitException(ErrorCode.CONNECTION, "Cannot read the schema of " + config.displayUrl() + ": "
                    + dialect.describe(e) + (e.getSQLState() == null ? "" : " [SQLState " + e.getSQLState() + "]")
                    + ".", e);
        }
    }

    /**
     * Loads a SQL dump (the text of a {@code .sql} file; the caller decompresses) into the configured database, which
     * must be empty, as it streams in. See {@link Restorer}.
     *
     * @param name what to call the dump in messages
     * @throws GodwitException {@code RESTORE} when the database is not empty or a statement fails (naming its line)
     */
    public RestoreResult restore(Reader dump, String name, RestoreOptions options) {
        Dialect dialect = dialect();
        try (Connection c = connections.open()) {
            c.setAutoCommit(true);
            return Restorer.restore(dialect, c, dump, name, options);
        } catch (SQLException e) {
            throw new GodwitException(ErrorCode.CONNECTION, "Cannot restore into " + config.displayUrl() + ": "
                    + dialect.describe(e) + (e.getSQLState() == null ? "" : " [SQLState " + e.getSQLState() + "]")
                    + ".", e);
        }
    }

    /**
     * The schemas of the configured database that the user made (not {@code information_schema} or PostgreSQL's
     * {@code pg_*}), by the driver's metadata; empty for a database without schemas (SQLite).
     */
    public List<String> userSchemas() {
        try (Connection c = connections.open()) {
            return StateReader.userSchemas(c);
        } catch (SQLException e) {
            throw new GodwitException(ErrorCode.CONNECTION, "Cannot list the schemas of " + config.displayUrl() + ": "
                    + e.getMessage(), e);
        }
    }

    /** The statements that create {@code catalog} in an empty database of the configured dialect, in order. */
    public List<String> createScript(Catalog catalog) {
        return CreateScript.of(catalog, dialect().ddlWriter());
    }

    /** The dialect of the configured database (connects once when only a data source is known). */
    public Dialect dialect() {
        return config.url().map(Dialects::forUrl).orElseGet(this::dialectFromDataSource);
    }

    private Migrator migrator() {
        Migrator m = migrator;
        if (m == null) {
            m = new Migrator(new MigratorSettings(dialect(), connections, sources(),
                    QualifiedName.of(config.schema().orElse(null), config.table()), config.schema(),
                    config.lockTimeout(), config.listener(), GodwitVersion.get(), config.localUser(),
                    config.callbacks()));
            migrator = m;
        }
        return m;
    }

    private List<MigrationSource> sources() {
        List<MigrationSource> sources = new ArrayList<>();
        for (String location : config.locations()) {
            if (location.startsWith("classpath:")) {
                sources.add(new ClasspathMigrationSource(location));
                continue;
            }
            String path = location.startsWith("filesystem:") ? location.substring("filesystem:".length()) : location;
            sources.add(new DirectoryMigrationSource(config.baseDirectory().resolve(path), config.baseDirectory()));
        }
        sources.addAll(config.sources());
        return sources;
    }

    private Dialect dialectFromDataSource() {
        try (Connection c = connections.open()) {
            return Dialects.forUrl(c.getMetaData().getURL());
        } catch (SQLException e) {
            throw new GodwitException(ErrorCode.CONNECTION, "Cannot read the data source's URL to choose a dialect: "
                    + e.getMessage(), e);
        }
    }
}
