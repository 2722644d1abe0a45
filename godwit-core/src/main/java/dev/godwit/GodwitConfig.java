package dev.godwit;

import dev.godwit.error.ErrorCode;
import dev.godwit.error.GodwitException;
import dev.godwit.error.Redaction;
import dev.godwit.migrate.Callback;
import dev.godwit.migrate.JavaMigration;
import dev.godwit.migrate.JavaMigrations;
import dev.godwit.migrate.Migration;
import dev.godwit.migrate.MigrationListener;
import dev.godwit.migrate.Migrations;
import dev.godwit.migrate.MigrationSource;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * Godwit's whole configuration, validated once by {@link Builder#load()} and immutable after. Nothing below the
 * facade reads the environment or system properties: callers (the CLI, a build plugin, an application) resolve
 * those and hand the result here.
 *
 * @param url          the JDBC URL; empty when a data source is given
 * @param user         the database user, when not in the URL
 * @param password     the password, never printed ({@link #toString()} masks it)
 * @param dataSource   connections from the application, instead of a URL
 * @param locations    where migration scripts are: directories ({@code migrations}, {@code filesystem:db/migrations})
 *                     or class path folders ({@code classpath:db/migrations}, in directories or jars)
 * @param sources      migration sources given in code
 * @param baseDirectory what relative locations are resolved against (the working directory)
 * @param schema       where history and unqualified objects go, when set
 * @param table        the history table's name
 * @param lockTimeout  how long to wait for another migrator
 * @param listener     told about each migration as it runs
 * @param localUser    recorded as the applier when the database has no user (SQLite)
 * @param snapshotFile where {@code migrate} keeps the snapshot of the schema at the newest migration; empty turns
 *                     that off. Default: {@code <dir>/.godwit/snapshot.json} when migrations come from one directory
 * @param callbacks    run around {@code migrate} (SQL callbacks in the locations run after these)
 */
public record GodwitConfig(Optional<String> url, Optional<String> user, Optional<String> password,
                           Optional<DataSource> dataSource, List<String> locations, List<MigrationSource> sources,
                           Path baseDirectory, Optional<String> schema, String table, Duration lockTimeout,
                           MigrationListener listener, String localUser, Optional<Path> snapshotFile,
                           List<Callback> callbacks) {

    /** The embedded default: a SQLite file in the working directory. */
    public static final String DEFAULT_URL = "jdbc:sqlite:godwit.db";
    public static final String DEFAULT_LOCATION = "migrations";
    public static final String DEFAULT_TABLE = "godwit_history";
    public static final Duration DEFAULT_LOCK_TIMEOUT = Duration.ofMinutes(5);

    public GodwitConfig {
        locations = List.copyOf(locations);
        sources = List.copyOf(sources);
        Objects.requireNonNull(baseDirectory, "baseDirectory");
        Objects.requireNonNull(table, "table");
        Objects.requireNonNull(lockTimeout, "lockTimeout");
        snapshotFile = snapshotFile == null ? Optional.empty() : snapshotFile;
        callbacks = callbacks == null ? List.of() : List.copyOf(callbacks);
    }

    /** The URL as it may be shown: password masked. */
    public String displayUrl() {
        return url.map(Redaction::url).orElse("(data source)");
    }

    @Override
    public String toString() {
        return "GodwitConfig[url=" + displayUrl() + ", user=" + user.orElse("") + ", password="
                + (password.isPresent() ? "***" : "") + ", locations=" + locations + ", schema=" + schema.orElse("")
                + ", table=" + table + ", lockTimeout=" + lockTimeout + "]";
    }

    /** Collects settings; {@link #load()} checks them and gives the {@link Godwit} they describe. */
    public static final class Builder {
        private String url;
        private String user;
        private String password;
        private DataSource dataSource;
        private final List<String> locations = new ArrayList<>();
        private final List<MigrationSource> sources = new ArrayList<>();
        private final List<Callback> callbacks = new ArrayList<>();
        private Path baseDirectory = Path.of("");
        private String schema;
        private String table = DEFAULT_TABLE;
        private Duration lockTimeout = DEFAULT_LOCK_TIMEOUT;
        private MigrationListener listener = MigrationListener.NONE;
        private String localUser = "unknown";
        private Optional<Path> snapshotFile;

        Builder() {
        }

        /** Connect with this JDBC URL (default {@value #DEFAULT_URL}). */
        public Builder url(String url) {
            this.url = url;
            return this;
        }

        /** Connect with this JDBC URL, user and password. */
        public Builder url(String url, String user, String password) {
            this.url = url;
            this.user = user;
            this.password = password;
            return this;
        }

        /** Take connections from the application's data source; the URL is then ignored. */
        public Builder dataSource(DataSource dataSource) {
            this.dataSource = dataSource;
            return this;
        }

        /**
         * Where migration files are: directories, optionally written {@code filesystem:dir}, and class path folders
         * written {@code classpath:db/migrations} (read from directories and jars on the context class loader).
         */
        public Builder locations(String... locations) {
            this.locations.addAll(List.of(locations));
            return this;
        }

        /** Add migration sources built in code. */
        public Builder sources(MigrationSource... sources) {
            this.sources.addAll(List.of(sources));
            return this;
        }

        /** Add one migration source built in code (in memory, a table, Java classes, your own). */
        public Builder source(MigrationSource source) {
            this.sources.add(source);
            return this;
        }

        /** Add migrations held in memory ({@link Migration#sql}, {@link Migration#script}, ...). */
        public Builder migrations(Migration... migrations) {
            return source(Migrations.of(migrations));
        }

        /** Add Java migrations given as instances. */
        public Builder javaMigrations(JavaMigration... migrations) {
            return source(JavaMigrations.of(migrations));
        }

        /** Add every {@link JavaMigration} class in a package on the class path (directories and jars). */
        public Builder javaMigrations(String packageName) {
            return source(JavaMigrations.inPackage(packageName));
        }

        /** Run these callbacks around {@code migrate}, in this order. */
        public Builder callbacks(Callback... callbacks) {
            this.callbacks.addAll(List.of(callbacks));
            return this;
        }

        /** Resolve relative locations against this directory (default: the working directory). */
        public Builder baseDirectory(Path directory) {
            this.baseDirectory = directory;
            return this;
        }

        /** Put the history table and unqualified objects in this schema (PostgreSQL {@code search_path}). */
        public Builder schema(String schema) {
            this.schema = schema;
            return this;
        }

        /** Name the history table (default {@value #DEFAULT_TABLE}). */
        public Builder table(String table) {
            this.table = table;
            return this;
        }

        /** Wait at most this long for another migrator's lock (default 5 minutes). */
        public Builder lockTimeout(Duration timeout) {
            this.lockTimeout = timeout;
            return this;
        }

        /** Hear about each migration as it runs. */
        public Builder listener(MigrationListener listener) {
            this.listener = listener;
            return this;
        }

        /** Who to record as the applier when the database has no user name (SQLite). */
        public Builder localUser(String user) {
            this.localUser = user;
            return this;
        }

        /** Keep the schema snapshot in this file (relative to the base directory) after each migrate. */
        public Builder snapshotFile(Path file) {
            this.snapshotFile = Optional.of(file);
            return this;
        }

        /** Do not keep a schema snapshot. */
        public Builder noSnapshot() {
            this.snapshotFile = Optional.empty();
            return this;
        }

        /** The configuration, checked; throws {@code CONFIG} naming the first bad setting. */
        public GodwitConfig build() {
            if (table == null || table.isBlank()) {
                throw new GodwitException(ErrorCode.CONFIG, "The history table name is empty. Set --table "
                        + "(GODWIT_TABLE) to a name, or leave it out for " + DEFAULT_TABLE + ".");
            }
            if (lockTimeout == null || lockTimeout.isNegative()) {
                throw new GodwitException(ErrorCode.CONFIG, "The lock timeout must be zero or more, was "
                        + lockTimeout + ".");
            }
            if (dataSource == null && url != null && !url.startsWith("jdbc:")) {
                throw new GodwitException(ErrorCode.CONFIG, "The URL " + Redaction.url(url) + " is not a JDBC URL. "
                        + "Write it as jdbc:postgresql://host:5432/db or jdbc:sqlite:file.db.");
            }
            List<String> where = locations.isEmpty() && sources.isEmpty() ? List.of(DEFAULT_LOCATION) : locations;
            Optional<Path> snapshot = snapshotFile != null ? snapshotFile.map(baseDirectory::resolve)
                    : where.size() == 1 && sources.isEmpty() && !where.get(0).startsWith("classpath:")
                    ? Optional.of(baseDirectory.resolve(where.get(0).replaceFirst("^filesystem:", ""))
                    .resolve(".godwit/snapshot.json")) : Optional.empty();
            return new GodwitConfig(dataSource == null ? Optional.of(url == null ? DEFAULT_URL : url)
                    : Optional.empty(), blankToEmpty(user), Optional.ofNullable(password).filter(p -> !p.isEmpty()),
                    Optional.ofNullable(dataSource), where, sources, baseDirectory, blankToEmpty(schema), table,
                    lockTimeout, listener, localUser, snapshot, callbacks);
        }

        /** Checks the settings and gives the configured Godwit. Connects to nothing yet. */
        public Godwit load() {
            return new Godwit(build());
        }

        private static Optional<String> blankToEmpty(String value) {
            return Optional.ofNullable(value).filter(v -> !v.isBlank());
        }
    }
}
