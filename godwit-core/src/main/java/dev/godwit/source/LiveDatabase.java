package dev.godwit.source;

import dev.godwit.dialect.ConnectionSource;
import dev.godwit.dialect.Dialect;
import dev.godwit.dialect.Dialects;
import dev.godwit.error.ErrorCode;
import dev.godwit.error.GodwitException;
import dev.godwit.error.Redaction;
import dev.godwit.model.Catalog;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** A database as it is now, read through its dialect's inspector (the configured schema, no history table). */
public record LiveDatabase(String jdbcUrl) implements SchemaSource {

    public LiveDatabase {
        Objects.requireNonNull(jdbcUrl, "jdbcUrl");
    }

    @Override
    public String describe() {
        return Redaction.url(jdbcUrl);
    }

    @Override
    public Optional<String> url() {
        return Optional.of(jdbcUrl);
    }

    @Override
    public SchemaState resolve(SourceSettings settings) {
        return new SchemaState(read(jdbcUrl, settings), List.of(), Optional.empty(), "database " + describe());
    }

    /** The schema of the database at {@code url}. */
    static Catalog read(String url, SourceSettings settings) {
        Dialect dialect = Dialects.forUrl(url);
        ConnectionSource connections = settings.connector().apply(url);
        try (Connection c = connections.open()) {
            return StateReader.read(dialect, c, connections, settings.schema(), settings.historyTable());
        } catch (SQLException e) {
            throw new GodwitException(ErrorCode.CONNECTION, "Cannot read the schema of " + Redaction.url(url) + ": "
                    + dialect.describe(e) + (e.getSQLState() == null ? "" : " [SQLState " + e.getSQLState() + "]")
                    + ".", e);
        } catch (UnsupportedOperationException e) {
            throw new GodwitException(ErrorCode.UNSUPPORTED, "unsupported: " + e.getMessage(), e);
        }
    }
}
