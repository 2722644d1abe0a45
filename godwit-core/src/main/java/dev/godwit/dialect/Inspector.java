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
     * As {@link #inspect(Connection, InspectOptions)}; a dialect may open further connections from {@code more} to
     * read a big schema on several at once (the default reads on {@code connection} only). Further connections do not
     * see changes {@code connection} has not committed, so a dialect uses them only when it is in auto-commit mode.
     */
    default Catalog inspect(Connection connection, InspectOptions options, ConnectionSource more) throws SQLException {
        return inspect(connection, options);
    }
}
