package dev.godwit.cli;

import dev.godwit.GodwitVersion;
import dev.godwit.error.ErrorCode;
import dev.godwit.error.GodwitException;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/**
 * The top-level command: the options every command shares, and the mapping of failures to exit codes
 * (DESIGN.md: 0 ok, 1 error, 2 pending/drift, 3 unsafe, 4 lock timeout, 64 usage).
 */
@Command(name = "godwit", mixinStandardHelpOptions = true, versionProvider = GodwitCommand.Version.class,
        sortOptions = false, usageHelpAutoWidth = true,
        description = "Schema migrations: apply versioned SQL migrations exactly once, in dependency order.",
        subcommands = {InitCommand.class, NewCommand.class, MigrateCommand.class, RollbackCommand.class,
                StatusCommand.class, ValidateCommand.class, RepairCommand.class, AwaitCommand.class,
                InspectCommand.class, SnapshotCommand.class, DiffCommand.class, GenerateCommand.class,
                CheckCommand.class, RestoreCommand.class})
final class GodwitCommand implements Runnable {

    final CliContext context;

    @Option(names = "--url", scope = ScopeType.INHERIT, paramLabel = "URL",
            description = "JDBC URL (env GODWIT_URL; default jdbc:sqlite:godwit.db)")
    String url;

    @Option(names = "--user", scope = ScopeType.INHERIT, paramLabel = "USER", description = "Database user")
    String user;

    @Option(names = "--password", scope = ScopeType.INHERIT, paramLabel = "PASSWORD",
            description = "Database password (prefer GODWIT_PASSWORD or .env)")
    String password;

    @Option(names = "--dir", scope = ScopeType.INHERIT, paramLabel = "DIR",
            description = "Migration directory (default migrations)")
    String dir;

    @Option(names = "--migrations-table", scope = ScopeType.INHERIT, paramLabel = "TABLE",
            description = "Also apply the migrations stored in this database table, e.g. godwit_migrations (with "
                    + "the directory only when it exists or --dir is given; env GODWIT_MIGRATIONS_TABLE)")
    String migrationsTable;

    @Option(names = "--schema", scope = ScopeType.INHERIT, paramLabel = "SCHEMA",
            description = "Schema for the history table and unqualified objects (PostgreSQL search_path)")
    String schema;

    @Option(names = "--table", scope = ScopeType.INHERIT, paramLabel = "TABLE",
            description = "History table name (default godwit_history)")
    String table;

    @Option(names = "--lock-timeout", scope = ScopeType.INHERIT, paramLabel = "DURATION",
            description = "How long to wait for another migrator, e.g. 30s, 5m (default 5m)")
    String lockTimeout;

    @Option(names = "--snapshot", scope = ScopeType.INHERIT, paramLabel = "FILE|off",
            description = "Where migrate keeps the schema snapshot (default <dir>/.godwit/snapshot.json), or off")
    String snapshot;

    @Option(names = "--to", scope = ScopeType.INHERIT, paramLabel = "SRC",
            description = "Desired schema for diff, generate and check: a .sql file or folder, a snapshot .json, a JDBC "
                    + "URL, migrations:DIR or jpa:PACKAGE (env GODWIT_DESIRED; default schema.sql)")
    String desired;

    @Option(names = "--classpath", scope = ScopeType.INHERIT, paramLabel = "DIR|JAR[:...]",
            description = "Where a jpa:PACKAGE source finds the entity classes, separated by the path separator "
                    + "(env GODWIT_CLASSPATH)")
    String classpath;

    @Option(names = "--allow-drop", scope = ScopeType.INHERIT,
            description = "Let generate and check accept changes that lose data (env GODWIT_ALLOW_DROP)")
    boolean allowDrop;

    @Option(names = "--config", scope = ScopeType.INHERIT, paramLabel = "FILE",
            description = "Configuration file (default godwit.toml)")
    String config;

    @Option(names = "--format", scope = ScopeType.INHERIT, paramLabel = "FORMAT",
            description = "Output: text or json; inspect also takes sql and mermaid (default text)")
    Format format;

    @Option(names = {"-q", "--quiet"}, scope = ScopeType.INHERIT, description = "Print only errors")
    boolean quiet;

    @Option(names = {"-v", "--verbose"}, scope = ScopeType.INHERIT, description = "Show the cause of errors")
    boolean verbose;

    GodwitCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(new CommandLine(this), "Name a command, e.g. `godwit migrate`.");
    }

    /** The settings, resolved from flags, environment, .env, godwit.toml and defaults; read lazily. */
    Settings settings() {
        return Settings.resolve(this);
    }

    Output output() {
        return new Output(context, format == Format.json ? Format.json : Format.text, quiet);
    }

    static int execute(String[] args, CliContext context) {
        GodwitCommand root = new GodwitCommand(context);
        CommandLine cli = new CommandLine(root);
        cli.setOut(new PrintWriter(context.out(), true));
        cli.setErr(new PrintWriter(context.err(), true));
        cli.setCaseInsensitiveEnumValuesAllowed(true);
        // Every command answers --help (and -h) with its own usage, as the error message promises.
        cli.getSubcommands().values().forEach(sub -> sub.getCommandSpec().addOption(CommandLine.Model.OptionSpec
                .builder("-h", "--help").usageHelp(true).description("Show this help message and exit.").build()));
        cli.setParameterExceptionHandler((e, a) -> {
            context.err().println("godwit: " + e.getMessage());
            context.err().println("Run `godwit --help` (or `godwit <command> --help`) for usage.");
            return ErrorCode.USAGE.exitCode();
        });
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> root.output().failure(e, root.verbose,
                root.password));
        return cli.execute(args);
    }

    /** Output formats: {@code sql} and {@code mermaid} are for {@code inspect}; elsewhere they print text. */
    enum Format { text, json, sql, mermaid }

    /** Prints the version from the jar. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"godwit " + GodwitVersion.get()};
        }
    }

    /** A usage error (exit code 64) with this message. */
    static GodwitException usage(String message) {
        return new GodwitException(ErrorCode.USAGE, message);
    }
}
