package dev.godwit.postgres;

import dev.godwit.dialect.ConnectionSource;
import dev.godwit.dialect.InspectOptions;
import dev.godwit.dialect.Inspector;
import dev.godwit.model.Catalog;
import dev.godwit.model.Extension;
import dev.godwit.model.Schema;
import dev.godwit.model.Table;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads PostgreSQL 14+ schemas from {@code pg_catalog} with a fixed number of queries (the {@code inspect/*.sql}
 * resources: one per object kind for all selected schemas), whatever the number of objects. Objects that belong to
 * an extension are left out: the extension is recorded instead.
 *
 * <p>While reading, the session's {@code search_path} is empty, so that every name PostgreSQL prints (types,
 * defaults, view and index definitions) is schema-qualified the same way whatever the caller's path, and its
 * {@code TimeZone} is UTC, so that timestamptz partition bounds and defaults print the same; both are restored
 * afterwards (an aborted transaction reverts them anyway). Stateless and thread-safe; the connection is used by one
 * call at a time.
 */
public final class PostgresInspector implements Inspector {

    private static final CatalogQuery SCHEMAS = CatalogQuery.of("schemas.sql");
    private static final CatalogQuery EXTENSIONS = CatalogQuery.of("extensions.sql");
    /**
     * From this many relations (tables, indexes, views, sequences) in the selected schemas, the catalog is read on
     * two connections. About 1,000 relations take some 110 ms to read; a second connection costs about 7 ms.
     */
    static final long PARALLEL_RELATIONS = 1_000;
    /** The queries the second connection runs: after columns.sql, the ones with the most server time. */
    private static final List<CatalogQuery> AHEAD = List.of(PostgresTableReader.CONSTRAINTS,
            PostgresIndexReader.INDEXES, PostgresObjectReader.VIEWS);

    private final long parallelRelations;

    public PostgresInspector() {
        this(PARALLEL_RELATIONS);
    }

    /** With another threshold for reading on two connections (tests read small schemas that way too). */
    PostgresInspector(long parallelRelations) {
        this.parallelRelations = parallelRelations;
    }

    @Override
    public Catalog inspect(Connection connection, InspectOptions options) throws SQLException {
        return read(connection, options, null);
    }

    /**
     * Reads a big schema (at least {@link #PARALLEL_RELATIONS} relations) on {@code connection} and one more from
     * {@code more} at once, when {@code connection} is in auto-commit mode; a small one on {@code connection} only,
     * since a second connection costs more than it saves there.
     */
    @Override
    public Catalog inspect(Connection connection, InspectOptions options, ConnectionSource more) throws SQLException {
        return read(connection, options, more);
    }

    private Catalog read(Connection connection, InspectOptions options, ConnectionSource more) throws SQLException {
        Map<String, Optional<String>> schemaComments = new LinkedHashMap<>();
        String[] session = {"", "UTC"};
        long[] relations = {0};
        SCHEMAS.run(connection, options.schemas(), rs -> {
            schemaComments.put(rs.getString("schema_name"), Optional.ofNullable(rs.getString("comment")));
            session[0] = rs.getString("search_path");
            session[1] = rs.getString("time_zone");
            relations[0] += rs.getLong("relations");
        });
        if (schemaComments.isEmpty()) {
            return new Catalog("postgres", List.of(), List.of());
        }
        List<String> schemas = List.copyOf(schemaComments.keySet());
        setSession(connection, "", "UTC");
        // A connection in a transaction of the caller's may hold changes a second connection would not see.
        boolean parallel = more != null && relations[0] >= parallelRelations && connection.getAutoCommit();
        try (CatalogReads reads = parallel ? CatalogReads.parallel(connection, schemas, more, AHEAD)
                : CatalogReads.serial(connection, schemas)) {
            // The kinds a second connection fetches (AHEAD) come last, so that this one has its own work meanwhile.
            PostgresTableReader tables = new PostgresTableReader();
            tables.readTables(reads, options);
            PostgresObjectReader objects = new PostgresObjectReader();
            objects.readTypesAndRoutines(reads, options);
            List<Extension> extensions = new ArrayList<>();
            reads.run(EXTENSIONS, rs -> extensions.add(new Extension(rs.getString("extension_name"),
                    rs.getString("schema_name"), rs.getString("version"))));
            tables.readKeys(reads);
            objects.readViews(reads, options, tables);
            Map<String, List<Table>> tablesBySchema = tables.tablesBySchema();
            List<Schema> result = new ArrayList<>();
            schemaComments.forEach((name, comment) -> {
                PostgresObjectReader.SchemaObjects o = objects.in(name);
                result.add(new Schema(name, tablesBySchema.getOrDefault(name, List.of()), o.views, o.sequences,
                        o.enums, o.domains, o.routines, comment, o.compositeTypes));
            });
            return new Catalog("postgres", result, extensions);
        } finally {
            setSession(connection, session[0], session[1]);
        }
    }

    private static void setSession(Connection connection, String searchPath, String timeZone) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement("SELECT pg_catalog.set_config('search_path', ?, false),"
                + " pg_catalog.set_config('TimeZone', ?, false)")) {
            ps.setString(1, searchPath);
            ps.setString(2, timeZone);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
            }
        }
    }
}
