package dev.godwit.source;

import dev.godwit.error.ErrorCode;
import dev.godwit.error.GodwitException;
import dev.godwit.error.Redaction;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * A schema state to compare: the "from" or "to" of a diff. Written on the command line as
 * <ul>
 * <li>a JDBC URL: the live database ({@link LiveDatabase});</li>
 * <li>a {@code .sql} file or a folder of them: loaded into a scratch database ({@link SqlFiles});</li>
 * <li>a snapshot {@code .json}: read offline ({@link SnapshotFile});</li>
 * <li>{@code migrations:DIR}: the state the migrations make ({@link MigrationReplay});</li>
 * <li>{@code PREFIX:ARGUMENT} for a {@link SourceProvider} on the class path, such as {@code jpa:com.example.model}
 * ({@link ProvidedSource}).</li>
 * </ul>
 * A source is a description only; {@link #resolve} reads it, each call afresh, and cleans up any scratch database
 * before it returns, also when it fails.
 */
public sealed interface SchemaSource permits LiveDatabase, SqlFiles, SnapshotFile, MigrationReplay,
        ProvidedSource {

    /** The source as the user would write it, passwords masked. */
    String describe();

    /** Reads the state. */
    SchemaState resolve(SourceSettings settings);

    /** The JDBC URL of a live database source. */
    default Optional<String> url() {
        return Optional.empty();
    }

    /**
     * Parses a source as written on the command line or in configuration.
     *
     * @param spec a JDBC URL, a path to a {@code .sql} file, a folder or a {@code .json} snapshot, or
     *             {@code migrations:DIR}
     * @param base what relative paths are relative to
     * @throws GodwitException with {@code USAGE} when it is none of those, naming the forms
     */
    static SchemaSource parse(String spec, Path base) {
        return parse(spec, base, List.of());
    }

    /**
     * Parses a source, with the class path a provided source ({@code jpa:PACKAGE}) reads from.
     *
     * @param classpath directories and jars, relative to {@code base} when not absolute
     */
    static SchemaSource parse(String spec, Path base, List<Path> classpath) {
        String s = spec.strip();
        if (s.startsWith("jdbc:")) {
            return new LiveDatabase(s);
        }
        if (s.startsWith("migrations:")) {
            Path dir = base.resolve(s.substring("migrations:".length())).normalize();
            return new MigrationReplay(dir, dir.resolve(".godwit/snapshot.json"), Optional.empty());
        }
        int colon = s.indexOf(':');
        if (colon > 1) {
            Optional<SourceProvider> provider = ProvidedSource.provider(s.substring(0, colon));
            if (provider.isPresent()) {
                return new ProvidedSource(provider.get(), s.substring(colon + 1).strip(),
                        classpath.stream().map(p -> base.resolve(p).normalize()).toList());
            }
        }
        Path path = base.resolve(s).normalize();
        if (s.endsWith(".json")) {
            return new SnapshotFile(path);
        }
        if (s.endsWith(".sql") || Files.isDirectory(path)) {
            return new SqlFiles(path);
        }
        throw new GodwitException(ErrorCode.USAGE, "'" + Redaction.url(s) + "' is not a schema source. Give a JDBC "
                + "URL (jdbc:postgresql://host/db), a .sql file or a folder of them, a snapshot .json, or "
                + "migrations:DIR (or jpa:PACKAGE with the godwit-jpa module).");
    }
}
