package dev.godwit.source;

import dev.godwit.dialect.ConnectionSource;
import dev.godwit.dialect.Dialect;
import dev.godwit.dialect.InspectOptions;
import dev.godwit.model.Catalog;
import dev.godwit.model.QualifiedName;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Reads a database as a schema state, the same way for every source and for the snapshot {@code migrate} keeps:
 * the configured schema when there is one, else every schema the user made (a state that leaves out a schema a
 * migration created would make the next diff create it again), never Godwit's history table.
 */
public final class StateReader {

    private StateReader() {
    }

    /**
     * The state of the database on {@code connection}.
     *
     * @param schema       the configured schema; empty reads every user schema
     * @param historyTable left out
     */
    public static Catalog read(Dialect dialect, Connection connection, Optional<String> schema,
                               QualifiedName historyTable) throws SQLException {
        return read(dialect, connection, null, schema, historyTable);
    }

    /**
     * The state of the database on {@code connection}, which the dialect may read on more connections from
     * {@code more} at once (see {@link dev.godwit.dialect.Inspector}); {@code more} may be null.
     */
    public static Catalog read(Dialect dialect, Connection connection, ConnectionSource more, Optional<String> schema,
                               QualifiedName historyTable) throws SQLException {
        List<String> schemas = schema.map(List::of).orElse(userSchemas(connection));
        InspectOptions options = new InspectOptions(schemas, List.of(), List.of(), Optional.of(historyTable));
        return more == null ? dialect.inspector().inspect(connection, options)
                : dialect.inspector().inspect(connection, options, more);
    }

    /**
     * The schemas the driver lists, without the system's own ({@code information_schema}, and PostgreSQL's
     * {@code pg_*}, a prefix PostgreSQL reserves); empty, meaning the connection's default, when the database has
     * no schemas to list (SQLite).
     */
    public static List<String> userSchemas(Connection connection) throws SQLException {
        List<String> schemas = new ArrayList<>();
        try (ResultSet rs = connection.getMetaData().getSchemas()) {
            while (rs.next()) {
                String name = rs.getString("TABLE_SCHEM");
                String lower = name.toLowerCase(Locale.ROOT);
                if (!lower.equals("information_schema") && !lower.startsWith("pg_")) {
                    schemas.add(name);
                }
            }
        }
        return schemas;
    }
}
