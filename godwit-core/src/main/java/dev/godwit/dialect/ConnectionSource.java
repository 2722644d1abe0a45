package dev.godwit.dialect;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * Opens new connections to the target database. Each call returns a fresh connection that the caller closes;
 * implementations must be safe to call from several threads.
 */
@FunctionalInterface
public interface ConnectionSource {

    /** A new connection in auto-commit mode. */
    Connection open() throws SQLException;
}
