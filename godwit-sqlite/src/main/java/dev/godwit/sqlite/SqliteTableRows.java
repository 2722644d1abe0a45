package dev.godwit.sqlite;

import java.util.List;

/**
 * What SQLite's pragmas report about one table, row for row: {@code pragma_table_xinfo}, {@code pragma_index_list}
 * with {@code pragma_index_xinfo} (key columns only), and {@code pragma_foreign_key_list}. Read either from the
 * pragmas ({@link SqlitePragmaReader}) or from the CREATE text ({@link SqliteCreateText}); the inspector builds the
 * model from these rows alone, so both sources give the same model when they give the same rows.
 *
 * @param columns     in declaration order (cid)
 * @param indexes     every index of the table: origin {@code c} (CREATE INDEX), {@code u} (UNIQUE), {@code pk}
 * @param foreignKeys one row per column pair, in any order (the inspector orders them by id and seq)
 */
record SqliteTableRows(List<ColumnRow> columns, List<IndexRow> indexes, List<ForeignKeyRow> foreignKeys) {

    SqliteTableRows {
        columns = List.copyOf(columns);
        indexes = List.copyOf(indexes);
        foreignKeys = List.copyOf(foreignKeys);
    }

    /**
     * A {@code pragma_table_xinfo} row.
     *
     * @param type         the declared type as SQLite reports it ({@code ""} when none)
     * @param defaultValue the DEFAULT text, or null
     * @param pk           the 1-based position in the primary key, 0 when not part of it
     * @param hidden       0 plain, 2 virtual generated, 3 stored generated
     */
    record ColumnRow(String name, String type, boolean notNull, String defaultValue, int pk, int hidden) {
    }

    /**
     * A {@code pragma_index_list} row with its key columns.
     *
     * @param origin {@code c}, {@code u} or {@code pk}
     */
    record IndexRow(String name, String origin, boolean unique, List<KeyRow> keys) {

        IndexRow {
            keys = List.copyOf(keys);
        }
    }

    /**
     * A key column of {@code pragma_index_xinfo}.
     *
     * @param column the table's column, or null for an expression
     */
    record KeyRow(String column, boolean descending) {
    }

    /**
     * A {@code pragma_foreign_key_list} row.
     *
     * @param table the referenced table as written in the REFERENCES clause
     * @param to    the referenced column as written, or null when the key names the parent's primary key
     */
    record ForeignKeyRow(int id, int seq, String table, String from, String to, String onUpdate, String onDelete) {
    }
}
