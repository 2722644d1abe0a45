package dev.godwit.dialect;

import dev.godwit.model.QualifiedName;
import dev.godwit.plan.ChangeWriter;
import dev.godwit.plan.DdlWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/**
 * Everything Godwit needs to know about one database product. Implementations are found with
 * {@link java.util.ServiceLoader} (see {@link Dialects}) and must be stateless and thread-safe.
 */
public interface Dialect {

    /** A short lower-case name: {@code postgres}, {@code sqlite}. */
    String name();

    /** True when this dialect speaks to databases with this JDBC URL. */
    boolean handles(String jdbcUrl);

    /** How this database's scripts are split into statements. */
    StatementSplitter splitter();

    /** How migrators on this database keep out of each other's way. */
    Locker locker();

    /**
     * How this database's schema is read into the model.
     *
     * @throws UnsupportedOperationException when the dialect cannot reflect yet
     */
    default Inspector inspector() {
        throw new UnsupportedOperationException("The " + name() + " dialect cannot read a schema yet.");
    }

    /**
     * How this database's DDL is written.
     *
     * @throws UnsupportedOperationException when the dialect cannot write DDL yet
     */
    default DdlWriter ddlWriter() {
        throw new UnsupportedOperationException("The " + name() + " dialect cannot write DDL yet.");
    }

    /**
     * How this database's schema changes are planned and written.
     *
     * @throws UnsupportedOperationException when the dialect cannot plan changes yet
     */
    default ChangeWriter changeWriter() {
        throw new UnsupportedOperationException("The " + name() + " dialect cannot plan schema changes yet.");
    }

    /** True when DDL takes part in transactions, so a failed migration can be rolled back whole. */
    boolean transactionalDdl();

    /** The identifier quoted for this database, whatever characters it holds. */
    String quote(String identifier);

    /** The name quoted, with its schema when it has one. */
    default String quote(QualifiedName name) {
        return name.schemaName().map(s -> quote(s) + "." + quote(name.name())).orElseGet(() -> quote(name.name()));
    }

    /**
     * Statements that create the history table when it does not exist (and its schema, when qualified). They
     * are run in auto-commit mode while the migrator lock is held.
     */
    List<String> createHistoryTable(QualifiedName table);

    /** True when the table exists; an unqualified name is looked up where unqualified names resolve. */
    boolean tableExists(Connection connection, QualifiedName table) throws SQLException;

    /**
     * Whether {@code sql}, a statement of a script, reads its data from the lines that follow it in the script
     * (PostgreSQL's {@code COPY ... FROM stdin}, as pg_dump writes table data). The default: none does.
     */
    default boolean readsDataFromScript(String sql) {
        return false;
    }

    /**
     * Runs a statement {@link #readsDataFromScript} accepts, with its data.
     *
     * @return the rows it loaded
     */
    default long runWithScriptData(Connection connection, String sql, java.io.Reader data) throws SQLException {
        throw new UnsupportedOperationException("The " + name() + " dialect reads no data from a script.");
    }

    /**
     * Runs before each connection to {@code jdbcUrl} is opened, for a dialect that must prepare the database's
     * location first (SQLite creates a missing database file). The default does nothing.
     */
    default void beforeConnect(String jdbcUrl) {
    }

    /** Sets a fresh migration session up: the schema for unqualified names, lock and busy timeouts. */
    void prepareSession(Connection connection, SessionOptions options) throws SQLException;

    /**
     * Starts a migration's transaction on an auto-commit connection. The default turns auto-commit off.
     * The transaction must hold whatever lock the dialect needs to re-check the history safely inside it.
     */
    default void begin(Connection connection, Durability durability) throws SQLException {
        connection.setAutoCommit(false);
    }

    /** Commits the transaction {@link #begin} started and returns the connection to auto-commit. */
    default void commit(Connection connection) throws SQLException {
        connection.commit();
        connection.setAutoCommit(true);
    }

    /** Rolls back the transaction {@link #begin} started and returns the connection to auto-commit. */
    default void rollback(Connection connection) throws SQLException {
        connection.rollback();
        connection.setAutoCommit(true);
    }

    /**
     * The database's own words for a failure, on one line, without the driver's decoration (the default is the
     * first line of the message).
     */
    default String describe(SQLException e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        int newline = message.indexOf('\n');
        return (newline < 0 ? message : message.substring(0, newline)).strip();
    }

    /** True when the exception says a lock wait ran past the session's timeout. */
    default boolean isLockTimeout(SQLException e) {
        return false;
    }

    /** True when the exception says a row with the same key already exists. */
    default boolean isUniqueViolation(SQLException e) {
        return e.getSQLState() != null && e.getSQLState().startsWith("23");
    }
}
