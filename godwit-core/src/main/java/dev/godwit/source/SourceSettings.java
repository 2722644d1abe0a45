package dev.godwit.source;

import dev.godwit.dialect.ConnectionSource;
import dev.godwit.model.QualifiedName;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * What resolving a {@link SchemaSource} needs from the configuration; the facade builds it.
 *
 * @param serverUrl     the database whose product (and, for PostgreSQL, server) scratch databases are made with,
 *                      when no live source of the same comparison names one
 * @param connector     opens connections to a JDBC URL with the configured credentials, failing with one clear
 *                      sentence
 * @param schema        the configured schema: what is read, and where replayed migrations put unqualified objects
 * @param historyTable  Godwit's history table, never part of a state
 * @param baseDirectory what file names in messages are relative to
 * @param godwitVersion recorded in a scratch database's history
 * @param localUser     recorded as the applier in a scratch database's history
 */
public record SourceSettings(String serverUrl, Function<String, ConnectionSource> connector, Optional<String> schema,
                             QualifiedName historyTable, Path baseDirectory, String godwitVersion, String localUser) {

    public SourceSettings {
        Objects.requireNonNull(serverUrl, "serverUrl");
        Objects.requireNonNull(connector, "connector");
        schema = schema == null ? Optional.empty() : schema;
        Objects.requireNonNull(historyTable, "historyTable");
        Objects.requireNonNull(baseDirectory, "baseDirectory");
    }

    /** The same settings with scratch databases made on the server of {@code url}. */
    public SourceSettings withServer(String url) {
        return new SourceSettings(url, connector, schema, historyTable, baseDirectory, godwitVersion, localUser);
    }

    /** A path as messages show it: relative to the base directory when under it. */
    String display(Path path) {
        Path absolute = path.toAbsolutePath().normalize();
        Path base = baseDirectory.toAbsolutePath().normalize();
        return absolute.startsWith(base) && !absolute.equals(base) ? base.relativize(absolute).toString()
                : absolute.toString();
    }
}
