package dev.godwit.mysql;

import dev.godwit.dialect.InspectOptions;
import dev.godwit.dialect.Inspector;
import dev.godwit.model.Catalog;
import dev.godwit.model.Schema;
import dev.godwit.model.Table;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads MySQL 8 and MariaDB 10.6+ databases from {@code information_schema} with a fixed number of queries (the
 * {@code inspect/*.sql} resources: one per object kind for all selected databases, plus one asking which server
 * this is), whatever the number of objects. A MySQL schema is a database: with no schemas selected, the connection's
 * current database is read. Events, sequences (MariaDB) and partitioning are not read yet. Stateless and
 * thread-safe; the connection is only read from.
 */
public final class MysqlInspector implements Inspector {

    private static final CatalogQuery SCHEMAS = CatalogQuery.of("schemas.sql");

    @Override
    public Catalog inspect(Connection connection, InspectOptions options) throws SQLException {
        List<String> selected = options.schemas().isEmpty() ? currentDatabase(connection) : options.schemas();
        List<String> schemas = new ArrayList<>();
        if (!selected.isEmpty()) {
            SCHEMAS.run(connection, selected, rs -> schemas.add(rs.getString("schema_name")));
        }
        if (schemas.isEmpty()) {
            return new Catalog("mysql", List.of(), List.of());
        }
        MysqlFlavor flavor = MysqlFlavor.of(connection);
        MysqlTableReader tables = new MysqlTableReader(flavor);
        tables.read(connection, schemas, options);
        MysqlObjectReader objects = new MysqlObjectReader();
        objects.read(connection, schemas, options, tables.names());
        Map<String, List<Table>> tablesBySchema = tables.tablesBySchema();
        List<Schema> result = new ArrayList<>();
        for (String name : schemas) {
            result.add(new Schema(name, tablesBySchema.getOrDefault(name, List.of()), objects.viewsIn(name),
                    List.of(), List.of(), List.of(), objects.routinesIn(name), Optional.empty()));
        }
        return new Catalog("mysql", result, List.of());
    }

    /** {@code DATABASE()}: none when the connection has no database selected. */
    private static List<String> currentDatabase(Connection connection) throws SQLException {
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery("SELECT DATABASE()")) {
            return rs.next() && rs.getString(1) != null ? List.of(rs.getString(1)) : List.of();
        }
    }
}
