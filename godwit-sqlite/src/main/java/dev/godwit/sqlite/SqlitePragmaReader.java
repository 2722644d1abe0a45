package dev.godwit.sqlite;

import dev.godwit.dialect.SqlResources;
import dev.godwit.sqlite.SqliteTableRows.ColumnRow;
import dev.godwit.sqlite.SqliteTableRows.ForeignKeyRow;
import dev.godwit.sqlite.SqliteTableRows.IndexRow;
import dev.godwit.sqlite.SqliteTableRows.KeyRow;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads {@link SqliteTableRows} from SQLite's pragma functions, three statements for any number of tables. Each
 * statement makes SQLite prepare one PRAGMA per table (per index for the key columns): about 10 to 30 us a table,
 * which is why the inspector asks only for the tables whose CREATE text {@link SqliteCreateText} cannot read.
 */
final class SqlitePragmaReader {

    private static final String COLUMNS = SqlResources.read(SqlitePragmaReader.class, "inspect/columns.sql");
    private static final String INDEXES = SqlResources.read(SqlitePragmaReader.class, "inspect/indexes.sql");
    private static final String FOREIGN_KEYS = SqlResources.read(SqlitePragmaReader.class,
            "inspect/foreign_keys.sql");

    private SqlitePragmaReader() {
    }

    /** The rows of each of {@code tables} (not virtual tables), by table name; a table without columns is absent. */
    static Map<String, SqliteTableRows> read(Connection connection, Collection<String> tables) throws SQLException {
        Map<String, SqliteTableRows> out = new HashMap<>();
        if (tables.isEmpty()) {
            return out;
        }
        String names = jsonArray(tables);
        Map<String, List<ColumnRow>> columns = new HashMap<>();
        try (PreparedStatement ps = connection.prepareStatement(COLUMNS)) {
            ps.setString(1, names);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    columns.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(new ColumnRow(
                            rs.getString(3), rs.getString(4), rs.getInt(5) != 0, rs.getString(6), rs.getInt(7),
                            rs.getInt(8)));
                }
            }
        }
        Map<String, Map<String, String[]>> indexes = new HashMap<>(); // table -> index -> {origin, unique}
        Map<String, List<KeyRow>> keys = new HashMap<>();
        try (PreparedStatement ps = connection.prepareStatement(INDEXES)) {
            ps.setString(1, names);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String index = rs.getString(2);
                    indexes.computeIfAbsent(rs.getString(1), k -> new LinkedHashMap<>()).putIfAbsent(index,
                            new String[] {rs.getString(4), rs.getString(3)});
                    keys.computeIfAbsent(index, k -> new ArrayList<>()).add(new KeyRow(rs.getString(5),
                            rs.getInt(6) == 1));
                }
            }
        }
        Map<String, List<ForeignKeyRow>> foreignKeys = new HashMap<>();
        try (PreparedStatement ps = connection.prepareStatement(FOREIGN_KEYS)) {
            ps.setString(1, names);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    foreignKeys.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(new ForeignKeyRow(
                            rs.getInt(2), rs.getInt(3), rs.getString(4), rs.getString(5), rs.getString(6),
                            rs.getString(7), rs.getString(8)));
                }
            }
        }
        columns.forEach((table, rows) -> {
            List<IndexRow> indexRows = new ArrayList<>();
            indexes.getOrDefault(table, Map.of()).forEach((index, info) -> indexRows.add(new IndexRow(index, info[0],
                    info[1].equals("1"), keys.get(index))));
            out.put(table, new SqliteTableRows(rows, indexRows, foreignKeys.getOrDefault(table, List.of())));
        });
        return out;
    }

    /** The names as a JSON array of strings, for {@code json_each}. */
    static String jsonArray(Collection<String> names) {
        StringBuilder json = new StringBuilder("[");
        for (String name : names) {
            if (json.length() > 1) {
                json.append(',');
            }
            json.append('"');
            for (int i = 0; i < name.length(); i++) {
                char c = name.charAt(i);
                if (c == '"' || c == '\\') {
                    json.append('\\').append(c);
                } else if (c < 0x20) {
                    json.append(String.format("\\u%04x", (int) c));
                } else {
                    json.append(c);
                }
            }
            json.append('"');
        }
        return json.append(']').toString();
    }
}
