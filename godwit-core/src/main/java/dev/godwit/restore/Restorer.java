package dev.godwit.restore;

import dev.godwit.dialect.Dialect;
import dev.godwit.dialect.Durability;
import dev.godwit.dialect.SqlStatement;
import dev.godwit.error.ErrorCode;
import dev.godwit.error.GodwitException;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.io.Reader;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Loads a SQL dump into an empty database, statement by statement as it streams in ({@link StatementStream}), as
 * the database's own client runs it: each statement on its own, the dump's {@code BEGIN} / {@code COMMIT} as
 * written. With {@link RestoreOptions#singleTransaction()}, where DDL is transactional (PostgreSQL, SQLite), the
 * whole dump is one transaction, so a failure leaves the database empty again; the dump's own transaction control is
 * then left out (a {@code COMMIT} inside would end the restore's transaction early).
 */
public final class Restorer {

    /** Statements between two progress reports. */
    private static final int REPORT_EVERY = 500;
    /** Top-level transaction control, as dumps write it. */
    private static final Pattern TRANSACTION_CONTROL = Pattern.compile(
            "(?i)(BEGIN|START\\s+TRANSACTION|COMMIT|END|ROLLBACK)"
                    + "(\\s+(TRANSACTION|WORK|DEFERRED|IMMEDIATE|EXCLUSIVE))*");

    private Restorer() {
    }

    /**
     * Restores {@code dump} into the database on {@code connection}, which must have no tables or views.
     *
     * @param name what to call the dump in messages (its file name)
     * @throws GodwitException {@code RESTORE} when the database is not empty or a statement fails (naming its line)
     */
    public static RestoreResult restore(Dialect dialect, Connection connection, Reader dump, String name,
                                        RestoreOptions options) throws SQLException {
        RestoreListener listener = options.listener();
        List<String> existing = existingTables(connection);
        if (!existing.isEmpty()) {
            throw new GodwitException(ErrorCode.RESTORE, "The database is not empty (it has "
                    + String.join(", ", existing.subList(0, Math.min(5, existing.size())))
                    + (existing.size() > 5 ? " and " + (existing.size() - 5) + " more" : "") + "). Restore " + name
                    + " into a new, empty database.");
        }
        long started = System.nanoTime();
        boolean transactional = options.singleTransaction() && dialect.transactionalDdl();
        StatementStream stream = new StatementStream(dump, dialect.splitter());
        long statements = 0;
        long rows = 0;
        SqlStatement statement = null;
        if (transactional) {
            dialect.begin(connection, Durability.DURABLE);
        }
        try (Statement s = connection.createStatement()) {
            while ((statement = stream.next()) != null) {
                if (transactional && TRANSACTION_CONTROL.matcher(statement.sql()).matches()) {
                    continue;
                }
                if (dialect.readsDataFromScript(statement.sql())) {
                    rows += dialect.runWithScriptData(connection, statement.sql(), stream.copyData());
                } else {
                    s.execute(statement.sql());
                }
                if (++statements % REPORT_EVERY == 0) {
                    listener.progress(statements, stream.lines());
                }
            }
            if (transactional) {
                dialect.commit(connection);
            }
        } catch (SQLException e) {
            rollback(dialect, connection, transactional, e);
            throw new GodwitException(ErrorCode.RESTORE, "Restoring " + name + " failed at line "
                    + (statement == null ? stream.lines() : statement.line()) + ": " + dialect.describe(e)
                    + (e.getSQLState() == null ? "" : " [SQLState " + e.getSQLState() + "]") + ". "
                    + outcome(transactional) + (transactional && "53200".equals(e.getSQLState())
                    ? " The dump holds more objects than one transaction may lock (max_locks_per_transaction): "
                    + "restore it without --single-transaction, or raise that setting." : ""), e);
        } catch (CharacterCodingException e) {
            rollback(dialect, connection, transactional, e);
            // The reader decodes ahead of the lines handed out, so the line of the bad bytes is not known here.
            throw new GodwitException(ErrorCode.RESTORE, "Restoring " + name + " failed: the dump is not UTF-8 text "
                    + "(" + e.getMessage() + "). Convert it first (for example iconv -f LATIN1 -t UTF-8), and drop a "
                    + "SET client_encoding line naming another encoding. " + outcome(transactional), e);
        } catch (GodwitException | IOException e) {
            rollback(dialect, connection, transactional, e);
            throw new GodwitException(ErrorCode.RESTORE, "Restoring " + name + " failed: " + e.getMessage()
                    + (e.getMessage().endsWith(".") ? " " : ". ") + outcome(transactional), e);
        }
        listener.progress(statements, stream.lines());
        return new RestoreResult(statements, rows, stream.lines(), transactional,
                (System.nanoTime() - started) / 1_000_000);
    }

    private static String outcome(boolean transactional) {
        return transactional ? "Nothing was restored: the transaction was rolled back and the database is empty."
                : "The statements before it were applied, each on its own; drop and recreate the database before "
                + "trying again (--single-transaction restores all or nothing).";
    }

    private static void rollback(Dialect dialect, Connection connection, boolean transactional, Exception failure) {
        if (transactional) {
            try {
                dialect.rollback(connection);
            } catch (SQLException e) {
                failure.addSuppressed(e);
            }
        }
    }

    /** The user's tables, views and other relations (not the system's), by the driver's metadata. */
    static List<String> existingTables(Connection connection) throws SQLException {
        List<String> names = new ArrayList<>();
        DatabaseMetaData meta = connection.getMetaData();
        try (ResultSet rs = meta.getTables(connection.getCatalog(), null, "%", null)) {
            while (rs.next()) {
                String schema = rs.getString("TABLE_SCHEM");
                String table = rs.getString("TABLE_NAME");
                String type = String.valueOf(rs.getString("TABLE_TYPE")).toUpperCase(Locale.ROOT);
                String lowerSchema = schema == null ? "" : schema.toLowerCase(Locale.ROOT);
                // Every kind the driver reports (tables, partitioned tables, views, materialized views, sequences,
                // types, indexes), but not the system's own.
                if (type.contains("SYSTEM") || type.contains("TEMPORARY") || lowerSchema.startsWith("pg_")
                        || lowerSchema.equals("information_schema")
                        || table.toLowerCase(Locale.ROOT).startsWith("sqlite_")) {
                    continue;
                }
                names.add(schema == null || schema.isEmpty() ? table : schema + "." + table);
            }
        }
        return names;
    }
}
