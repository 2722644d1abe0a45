package dev.godwit.postgres;

import dev.godwit.model.Index;
import dev.godwit.model.QualifiedName;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads the indexes of a set of schemas with {@code inspect/indexes.sql}, one row per index column, and puts each
 * index together. A plain index's definition is printed here exactly as {@code pg_get_indexdef} prints it, which
 * the query leaves null for those (see the query's header for what counts as plain); the others carry
 * {@code pg_get_indexdef}'s text.
 */
final class PostgresIndexReader {

    static final CatalogQuery INDEXES = CatalogQuery.of("indexes.sql");

    /** Where each index read goes, with the table or materialized view it belongs to. */
    @FunctionalInterface
    interface Sink {
        void accept(QualifiedName relation, Index index);
    }

    /** One index as its rows arrive. */
    private static final class Pending {
        QualifiedName relation;
        String name;
        boolean unique;
        String method;
        int keyCount;
        String indexQuoted;
        String tableQuoted;
        String predicate;
        String definition;
        final List<Index.Key> keys = new ArrayList<>();
        final List<String> include = new ArrayList<>();
        final List<String> quoted = new ArrayList<>();
        final List<Integer> options = new ArrayList<>();
    }

    private PostgresIndexReader() {
    }

    static void read(CatalogReads reads, Sink sink) throws SQLException {
        Pending[] current = {null};
        reads.run(INDEXES, rs -> {
            if (rs.getInt("position") == 1) {
                finish(current[0], sink);
                current[0] = start(rs);
            }
            add(current[0], rs);
        });
        finish(current[0], sink);
    }

    private static Pending start(ResultSet rs) throws SQLException {
        Pending p = new Pending();
        p.relation = PostgresTableReader.name(rs, "schema_name", "table_name");
        p.name = rs.getString("index_name");
        p.unique = rs.getBoolean("is_unique");
        p.method = rs.getString("method");
        p.keyCount = rs.getInt("key_count");
        p.indexQuoted = rs.getString("index_quoted");
        p.tableQuoted = rs.getString("table_quoted");
        p.predicate = rs.getString("predicate");
        p.definition = rs.getString("definition");
        return p;
    }

    private static void add(Pending p, ResultSet rs) throws SQLException {
        String column = rs.getString("column_name");
        if (rs.getInt("position") > p.keyCount) {
            p.include.add(column);
            p.quoted.add(rs.getString("column_quoted"));
            return;
        }
        // pg_index.indoption: INDOPTION_DESC = 1, INDOPTION_NULLS_FIRST = 2.
        int flag = rs.getInt("key_option");
        p.keys.add(new Index.Key(Optional.ofNullable(column), Optional.ofNullable(rs.getString("key_expression")),
                (flag & 1) != 0, (flag & 2) != 0));
        p.quoted.add(rs.getString("column_quoted"));
        p.options.add(flag);
    }

    private static void finish(Pending p, Sink sink) {
        if (p == null) {
            return;
        }
        String definition = p.definition != null ? p.definition : definition(p);
        sink.accept(p.relation, new Index(p.name, p.unique, p.method, p.keys, p.include,
                Optional.ofNullable(p.predicate), definition));
    }

    /**
     * A plain btree index as {@code pg_get_indexdef} prints it (ruleutils.c, pg_get_indexdef_worker): quoted names,
     * the table always schema-qualified (the inspector reads with an empty search_path), DESC with NULLS LAST when
     * nulls do not come first, NULLS FIRST on an ascending key, INCLUDE columns after the keys.
     */
    private static String definition(Pending p) {
        StringBuilder sql = new StringBuilder(96).append("CREATE ").append(p.unique ? "UNIQUE " : "")
                .append("INDEX ").append(p.indexQuoted).append(" ON ").append(p.tableQuoted)
                .append(" USING btree (");
        for (int i = 0; i < p.quoted.size(); i++) {
            if (i == p.keyCount) {
                sql.append(") INCLUDE (");
            } else if (i > 0) {
                sql.append(", ");
            }
            sql.append(p.quoted.get(i));
            if (i < p.keyCount) {
                int flag = p.options.get(i);
                if ((flag & 1) != 0) {
                    sql.append((flag & 2) != 0 ? " DESC" : " DESC NULLS LAST");
                } else if ((flag & 2) != 0) {
                    sql.append(" NULLS FIRST");
                }
            }
        }
        return sql.append(')').toString();
    }
}
