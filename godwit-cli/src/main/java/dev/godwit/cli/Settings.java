package dev.godwit.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.toml.TomlMapper;
import dev.godwit.Godwit;
import dev.godwit.GodwitConfig;
import dev.godwit.error.ErrorCode;
import dev.godwit.error.GodwitException;
import dev.godwit.migrate.TableMigrationSource;
import dev.godwit.model.QualifiedName;
import dev.godwit.source.SchemaSource;
import io.github.cdimascio.dotenv.Dotenv;
import io.github.cdimascio.dotenv.DotenvException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The CLI's configuration, resolved once per run with this precedence: command-line flags, then {@code GODWIT_*}
 * environment variables, then a {@code .env} file in the working directory, then {@code godwit.toml}, then the
 * defaults. Each key has the same name everywhere: {@code --lock-timeout}, {@code GODWIT_LOCK_TIMEOUT},
 * {@code lock_timeout}.
 */
record Settings(Optional<String> url, Optional<String> user, Optional<String> password, Path dir,
                Optional<String> schema, Optional<String> table, Optional<Duration> lockTimeout, Path workingDirectory,
                String localUser, Optional<String> snapshot, Optional<String> desired, boolean allowDrop,
                List<Path> classpath, boolean dirGiven, Optional<String> migrationsTable) {

    static final String CONFIG_FILE = "godwit.toml";
    static final List<String> KEYS = List.of("url", "user", "password", "dir", "schema", "table", "lock_timeout",
            "snapshot", "desired", "allow_drop", "classpath", "migrations_table");
    /** The desired state {@code generate} and {@code check} use when neither --to nor {@code desired} says. */
    static final String DEFAULT_DESIRED = "schema.sql";
    private static final Pattern DURATION = Pattern.compile("(\\d+)\\s*(ms|s|m|h)?");

    static Settings resolve(GodwitCommand root) {
        CliContext ctx = root.context;
        Map<String, String> flags = new LinkedHashMap<>();
        put(flags, "url", root.url);
        put(flags, "user", root.user);
        put(flags, "password", root.password);
        put(flags, "dir", root.dir);
        put(flags, "schema", root.schema);
        put(flags, "table", root.table);
        put(flags, "lock_timeout", root.lockTimeout);
        put(flags, "snapshot", root.snapshot);
        put(flags, "desired", root.desired);
        put(flags, "allow_drop", root.allowDrop ? "true" : null);
        put(flags, "classpath", root.classpath);
        put(flags, "migrations_table", root.migrationsTable);
        Map<String, String> dotenv = dotenv(ctx.workingDirectory());
        Map<String, String> toml = toml(ctx, root.config);
        Map<String, String> value = new LinkedHashMap<>();
        for (String key : KEYS) {
            String envKey = "GODWIT_" + key.toUpperCase(java.util.Locale.ROOT);
            String v = flags.get(key);
            if (v == null) {
                v = blankToNull(ctx.env().get(envKey));
            }
            if (v == null) {
                v = blankToNull(dotenv.get(envKey));
            }
            if (v == null) {
                v = toml.get(key);
            }
            put(value, key, v);
        }
        return new Settings(Optional.ofNullable(value.get("url")), Optional.ofNullable(value.get("user")),
                Optional.ofNullable(value.get("password")), ctx.resolve(value.getOrDefault("dir",
                GodwitConfig.DEFAULT_LOCATION)), Optional.ofNullable(value.get("schema")),
                Optional.ofNullable(value.get("table")),
                Optional.ofNullable(value.get("lock_timeout")).map(Settings::duration), ctx.workingDirectory(),
                ctx.env().getOrDefault("USER", ctx.env().getOrDefault("USERNAME", "unknown")),
                Optional.ofNullable(value.get("snapshot")), Optional.ofNullable(value.get("desired")),
                bool("allow_drop", value.get("allow_drop")), classpath(value.get("classpath")),
                value.containsKey("dir"), Optional.ofNullable(value.get("migrations_table")));
    }

    /** The desired state: --to, GODWIT_DESIRED, {@code desired} in godwit.toml, else {@value #DEFAULT_DESIRED}. */
    SchemaSource desiredSource() {
        String spec = desired.orElse(DEFAULT_DESIRED);
        if (desired.isEmpty() && !java.nio.file.Files.exists(workingDirectory.resolve(spec))) {
            throw new GodwitException(ErrorCode.USAGE, "No desired schema: give --to SRC (a .sql file or folder, a "
                    + "snapshot .json, a JDBC URL), set desired = \"schema.sql\" in godwit.toml (GODWIT_DESIRED), "
                    + "or write the schema to " + DEFAULT_DESIRED + ".");
        }
        return source(spec);
    }

    /** A schema source as written on the command line; a relative SQLite file is in the working directory. */
    SchemaSource source(String spec) {
        return SchemaSource.parse(spec.startsWith("jdbc:") ? anchored(spec) : spec, workingDirectory, classpath);
    }

    /** {@code classpath}: entries separated by the platform's path separator ({@code :} or {@code ;}). */
    private static List<Path> classpath(String text) {
        if (text == null) {
            return List.of();
        }
        return java.util.Arrays.stream(text.split(java.util.regex.Pattern.quote(java.io.File.pathSeparator)))
                .map(String::strip).filter(e -> !e.isEmpty()).map(Path::of).toList();
    }

    private static boolean bool(String key, String text) {
        if (text == null) {
            return false;
        }
        return switch (text.strip().toLowerCase(java.util.Locale.ROOT)) {
            case "true", "yes", "1", "on" -> true;
            case "false", "no", "0", "off" -> false;
            default -> throw new GodwitException(ErrorCode.CONFIG, "'" + key + "' is true or false, not '" + text
                    + "'.");
        };
    }

    /** {@code schema.table} or {@code table}. */
    private static QualifiedName tableName(String text) {
        int dot = text.indexOf('.');
        return dot < 0 ? QualifiedName.unqualified(text.strip())
                : QualifiedName.of(text.substring(0, dot).strip(), text.substring(dot + 1).strip());
    }

    /** The library configuration these settings describe. */
    GodwitConfig.Builder configure() {
        GodwitConfig.Builder builder = Godwit.configure()
                .url(anchored(url.orElse(GodwitConfig.DEFAULT_URL)), user.orElse(null), password.orElse(null))
                .baseDirectory(workingDirectory)
                .localUser(localUser);
        // With a migration table, the directory joins only when it is there or named: a service that keeps all
        // its migrations in the table has none.
        if (migrationsTable.isEmpty() || dirGiven || Files.isDirectory(dir)) {
            builder.locations(dir.toString());
        }
        migrationsTable.ifPresent(t -> builder.source(new TableMigrationSource(tableName(t))));
        schema.ifPresent(builder::schema);
        table.ifPresent(builder::table);
        lockTimeout.ifPresent(builder::lockTimeout);
        snapshot.ifPresent(s -> {
            if (s.equalsIgnoreCase("off") || s.equalsIgnoreCase("false")) {
                builder.noSnapshot();
            } else {
                builder.snapshotFile(Path.of(s));
            }
        });
        return builder;
    }

    /**
     * A SQLite URL with a relative file ({@code jdbc:sqlite:godwit.db}) names a file in the working directory the
     * user gave, which is not always the JVM's (tests, or a build plugin running in a module directory).
     */
    String anchored(String jdbcUrl) {
        String prefix = "jdbc:sqlite:";
        if (!jdbcUrl.startsWith(prefix)) {
            return jdbcUrl;
        }
        String file = jdbcUrl.substring(prefix.length());
        if (file.isEmpty() || file.startsWith(":") || file.startsWith("file:") || Path.of(file.split("\\?")[0])
                .isAbsolute()) {
            return jdbcUrl;
        }
        return prefix + workingDirectory.resolve(file);
    }

    /** The URL as it may be shown. */
    String displayUrl() {
        return dev.godwit.error.Redaction.url(url.orElse(GodwitConfig.DEFAULT_URL));
    }

    private static Map<String, String> dotenv(Path directory) {
        if (!Files.isRegularFile(directory.resolve(".env"))) {
            return Map.of();
        }
        try {
            Map<String, String> values = new LinkedHashMap<>();
            Dotenv.configure().directory(directory.toString()).ignoreIfMissing().load().entries(Dotenv.Filter.DECLARED_IN_ENV_FILE)
                    .forEach(e -> values.put(e.getKey(), e.getValue()));
            return values;
        } catch (DotenvException e) {
            throw new GodwitException(ErrorCode.CONFIG, "Cannot read " + directory.resolve(".env") + ": "
                    + e.getMessage() + ". Write one KEY=value per line.", e);
        }
    }

    private static Map<String, String> toml(CliContext ctx, String configFlag) {
        Path file = ctx.resolve(configFlag != null ? configFlag
                : Optional.ofNullable(blankToNull(ctx.env().get("GODWIT_CONFIG"))).orElse(CONFIG_FILE));
        if (!Files.isRegularFile(file)) {
            if (configFlag != null) {
                throw new GodwitException(ErrorCode.CONFIG, "The configuration file " + file + " does not exist. "
                        + "Fix --config, or run `godwit init` to write one.");
            }
            return Map.of();
        }
        JsonNode root;
        try {
            root = new TomlMapper().readTree(file.toFile());
        } catch (IOException e) {
            throw new GodwitException(ErrorCode.CONFIG, "Cannot read " + file + ": " + firstLine(e.getMessage())
                    + ". Fix the TOML syntax (key = \"value\").", e);
        }
        Map<String, String> values = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            if (!KEYS.contains(field.getKey())) {
                throw new GodwitException(ErrorCode.CONFIG, file + ": unknown key '" + field.getKey()
                        + "'. Known keys: " + String.join(", ", KEYS) + ".");
            }
            if (!field.getValue().isValueNode()) {
                throw new GodwitException(ErrorCode.CONFIG, file + ": '" + field.getKey()
                        + "' must be a string or number, not a table or array.");
            }
            values.put(field.getKey(), field.getValue().asText());
        }
        return values;
    }

    /** "30s", "5m", "500ms", "1h", or plain seconds. */
    static Duration duration(String text) {
        Matcher m = DURATION.matcher(text.strip());
        if (!m.matches()) {
            throw new GodwitException(ErrorCode.USAGE, "The lock timeout '" + text + "' is not a duration. Write "
                    + "it like 30s, 5m, 500ms or 1h.");
        }
        long n = Long.parseLong(m.group(1));
        String unit = m.group(2) == null ? "s" : m.group(2);
        return switch (unit) {
            case "ms" -> Duration.ofMillis(n);
            case "m" -> Duration.ofMinutes(n);
            case "h" -> Duration.ofHours(n);
            default -> Duration.ofSeconds(n);
        };
    }

    private static void put(Map<String, String> map, String key, String value) {
        if (value != null && !value.isBlank()) {
            map.put(key, value);
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unreadable";
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
