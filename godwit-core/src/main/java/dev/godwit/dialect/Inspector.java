package dev.godwit.dialect;

import dev.godwit.model.Catalog;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * Reads a live database's schema into the model. Implementations read the catalog in bulk: one query per object
 * kind for all selected schemas, never one per table, so thousands of tables cost a handful of round trips.
 */
public interface Inspector {

    /**
     * The selected part of the database's schema.
     *
     * @param connection an open connection; left open, its transaction state unchanged
     * @param options    which schemas and objects to read
     */
    Catalog inspect(Connection connection, InspectOptions options) throws SQLException;

    /**
     * The selected part of the schema of the database {@code connections} opens. A dialect may read a big schema on
     * more than one connection at once; the default reads it on one.
     */
    default Catalog inspect(ConnectionSource connections, InspectOptions options) throws SQLException {
        try (Connection connection = connections.open()) {
            return inspect(connection, options);
        }
    }
}
