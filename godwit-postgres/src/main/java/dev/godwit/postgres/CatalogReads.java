package dev.godwit.postgres;

import dev.godwit.dialect.ConnectionSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The catalog queries of one inspection. On a big schema some queries run ahead on a second connection, so that
 * two server backends (and the reader) work at once: most of reading thousands of tables is server time, and a
 * fresh backend spends much of it filling its relation and syscache entries (pg_get_constraintdef opens every table
 * it deparses a CHECK of). Both connections read one snapshot, exported by the first ({@code pg_export_snapshot})
 * and imported by the second, so the parts agree as if one transaction had read them.
 *
 * <p>Rows of a query run ahead are fetched in full by the driver on the second connection's thread and read here,
 * in the caller's order, on the caller's thread: the readers stay single-threaded.
 */
final class CatalogReads implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(CatalogReads.class);

    /**
     * For the read-only transactions only (SET LOCAL): room to hash and sort tens of thousands of catalog rows in
     * memory instead of spilling them to disk, and no parallel workers, which would start with empty caches.
     */
    private static final String TUNING = "SET LOCAL work_mem = '64MB'; SET LOCAL max_parallel_workers_per_gather = 0";
    private final Connection connection;
    private final List<String> schemas;
    /** Whether {@link #parallel} began a transaction on {@code connection}, which {@link #close()} ends. */
    private final boolean began;
    /** The second connection in the first one's snapshot, or null when it could not join; null when serial. */
    private Future<Connection> second;
    private final ExecutorService ahead;
    /** Rows fetched on the second connection; null rows when it could not join (the query then runs here). */
    private final Map<CatalogQuery, Future<CatalogQuery.Rows>> results = new LinkedHashMap<>();

    private CatalogReads(Connection connection, List<String> schemas, boolean began, ExecutorService ahead) {
        this.connection = connection;
        this.schemas = schemas;
        this.began = began;
        this.ahead = ahead;
    }

    /** Every query on {@code connection}, one after the other. */
    static CatalogReads serial(Connection connection, List<String> schemas) {
        return new CatalogReads(connection, schemas, false, null);
    }

    /**
     * Runs {@code queriesAhead} on a second connection from {@code connections} while the caller reads the others on
     * {@code connection}, which must be in auto-commit mode (it gets a read-only repeatable-read transaction until
     * {@link #close()}). When no second connection can read the first one's snapshot (none can be opened, or a
     * connection pooler does not keep the exported snapshot), every query runs on the first.
     */
    static CatalogReads parallel(Connection connection, List<String> schemas, ConnectionSource connections,
                                 List<CatalogQuery> queriesAhead) throws SQLException {
        String snapshot;
        try (Statement s = connection.createStatement()) {
            s.execute("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
            try {
                s.execute(TUNING);
                try (ResultSet rs = s.executeQuery("SELECT pg_catalog.pg_export_snapshot()")) {
                    rs.next();
                    snapshot = rs.getString(1);
                }
            } catch (SQLException e) {
                s.execute("ROLLBACK");
                LOG.debug("Reading the catalog on one connection: the snapshot could not be exported", e);
                return serial(connection, schemas);
            }
        }
        ExecutorService ahead = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "godwit-catalog-ahead");
            t.setDaemon(true);
            return t;
        });
        CatalogReads reads = new CatalogReads(connection, schemas, true, ahead);
        // The second connection is opened and joins the snapshot on its own thread, so that this one starts reading
        // at once; the thread runs its tasks in order, so each query finds the join done.
        Future<Connection> second = ahead.submit(() -> join(connections, snapshot));
        reads.second = second;
        for (CatalogQuery query : queriesAhead) {
            reads.results.put(query, ahead.submit(() -> {
                Connection joined = second.get();
                return joined == null ? null : query.fetch(joined, schemas);
            }));
        }
        return reads;
    }

    /** A connection in the exported snapshot, or null when none can be opened or join it. */
    private static Connection join(ConnectionSource connections, String snapshot) {
        Connection second = null;
        try {
            second = connections.open();
            try (Statement s = second.createStatement()) {
                s.execute("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
                s.execute("SET TRANSACTION SNAPSHOT '" + snapshot.replace("'", "''") + "'");
                s.execute(TUNING);
                // The same session settings as the first connection's (see PostgresInspector); the connection is
                // closed afterwards, so nothing needs restoring.
                s.execute("SELECT pg_catalog.set_config('search_path', '', false), "
                        + "pg_catalog.set_config('TimeZone', 'UTC', false)");
            }
            return second;
        } catch (SQLException | RuntimeException e) {
            LOG.debug("Reading the catalog on one connection: a second one could not join its snapshot", e);
            closeQuietly(second);
            return null;
        }
    }

    private static void closeQuietly(Connection c) {
        if (c != null) {
            try {
                c.close();
            } catch (SQLException e) {
                LOG.debug("Closing a catalog connection failed", e);
            }
        }
    }

    /** Runs {@code query} (or takes its rows from the second connection) and hands every row to {@code row}. */
    void run(CatalogQuery query, CatalogQuery.Row row) throws SQLException {
        Future<CatalogQuery.Rows> ran = results.remove(query);
        if (ran == null) {
            query.run(connection, schemas, row);
            return;
        }
        try (CatalogQuery.Rows rows = await(ran)) {
            if (rows == null) {
                query.run(connection, schemas, row); // the second connection could not join
            } else {
                rows.each(row);
            }
        }
    }

    private static <T> T await(Future<T> ran) throws SQLException {
        try {
            return ran.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SQLException("Interrupted while reading the catalog", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof SQLException sql) {
                throw sql;
            }
            throw new SQLException("Reading the catalog failed: " + e.getCause(), e.getCause());
        }
    }

    /**
     * Runs a query with an array parameter of another kind than schema names on the first connection, which is in
     * the snapshot when there are two.
     */
    void run(CatalogQuery query, String elementType, Object[] values, CatalogQuery.Row row) throws SQLException {
        query.run(connection, elementType, values, row);
    }

    /** Ends the read-only transactions and closes the second connection; rows not read are discarded. */
    @Override
    public void close() throws SQLException {
        SQLException failure = null;
        for (Future<CatalogQuery.Rows> ran : results.values()) {
            try {
                CatalogQuery.Rows rows = await(ran);
                if (rows != null) {
                    rows.close();
                }
            } catch (SQLException e) {
                failure = failure == null ? e : failure;
            }
        }
        if (ahead != null) {
            ahead.shutdown();
        }
        if (second != null) {
            try {
                Connection joined = await(second);
                if (joined != null) {
                    joined.close();
                }
            } catch (SQLException e) {
                failure = failure == null ? e : failure;
            }
        }
        if (began) {
            // Read only: COMMIT and ROLLBACK end it alike; ROLLBACK also ends a transaction a failed query aborted.
            try (Statement s = connection.createStatement()) {
                s.execute("ROLLBACK");
            } catch (SQLException e) {
                failure = failure == null ? e : failure;
            }
        }
        if (failure != null) {
            throw failure;
        }
    }
}
