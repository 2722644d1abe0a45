package dev.godwit.mysql;

import dev.godwit.model.Index;
import dev.godwit.model.PrimaryKey;
import dev.godwit.model.QualifiedName;
import dev.godwit.model.UniqueConstraint;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Reads every index of a set of databases with one query over {@code information_schema.STATISTICS} and sorts each
 * into the model: the index named {@code PRIMARY} is the primary key; a unique index of whole, ascending columns is a
 * unique constraint (in MySQL the two are one thing, whichever way it was declared); every other index is an
 * {@link Index}, with prefix lengths, descending and functional parts, and FULLTEXT, SPATIAL or HASH as its method.
 * Its definition is written as {@code CREATE INDEX}, the form in which it can be created again.
 */
final class MysqlIndexReader {

    private static final Map<MysqlFlavor, CatalogQuery> INDEXES = Map.of(
            MysqlFlavor.MARIADB, CatalogQuery.of(MysqlFlavor.MARIADB.resource("indexes")),
            MysqlFlavor.MYSQL, CatalogQuery.of(MysqlFlavor.MYSQL.resource("indexes")));

    private final MysqlFlavor flavor;

    MysqlIndexReader(MysqlFlavor flavor) {
        this.flavor = flavor;
    }

    /** One key part as STATISTICS lists it. */
    private record Part(String column, String expression, Integer prefix, boolean descending) {
        boolean plain() {
            return column != null && prefix == null && !descending;
        }

        String sql() {
            return (column != null ? MysqlNames.quote(column) + (prefix == null ? "" : "(" + prefix + ")")
                    : "(" + expression + ")") + (descending ? " DESC" : "");
        }

        Index.Key key() {
            return new Index.Key(Optional.ofNullable(column), Optional.ofNullable(expression), descending, false);
        }
    }

    /** One index while its parts arrive. */
    private static final class Parts {
        final String name;
        final boolean unique;
        final String type;
        final String comment;
        final boolean hidden;
        final List<Part> parts = new ArrayList<>();

        Parts(String name, boolean unique, String type, String comment, boolean hidden) {
            this.name = name;
            this.unique = unique;
            this.type = type;
            this.comment = comment == null ? "" : comment;
            this.hidden = hidden;
        }
    }

    void read(Connection connection, List<String> schemas, Map<QualifiedName, MysqlTableReader.Parts> tables)
            throws SQLException {
        Map<QualifiedName, Map<String, Parts>> indexes = new LinkedHashMap<>();
        INDEXES.get(flavor).run(connection, schemas, rs -> {
            QualifiedName table = MysqlTableReader.name(rs, "table_name");
            if (!tables.containsKey(table)) {
                return;
            }
            String name = rs.getString("index_name");
            Parts index = indexes.computeIfAbsent(table, t -> new LinkedHashMap<>()).get(name);
            if (index == null) {
                index = new Parts(name, rs.getBoolean("is_unique"), rs.getString("index_type"),
                        rs.getString("index_comment"), rs.getBoolean("hidden"));
                indexes.get(table).put(name, index);
            }
            Part part = part(rs);
            // STATISTICS gives a SPATIAL key part a SUB_PART (32: the bytes of its bounding box) that cannot be
            // declared.
            index.parts.add(index.type.equals("SPATIAL") ? new Part(part.column(), part.expression(), null, false)
                    : part);
        });
        indexes.forEach((table, byName) -> byName.values().forEach(index -> place(tables.get(table), index)));
    }

    private static Part part(ResultSet rs) throws SQLException {
        int prefix = rs.getInt("sub_part");
        Integer subPart = rs.wasNull() ? null : prefix;
        return new Part(rs.getString("column_name"), rs.getString("expression"), subPart,
                "D".equals(rs.getString("collation")));
    }

    private void place(MysqlTableReader.Parts table, Parts index) {
        List<String> columns = index.parts.stream().map(Part::column).toList();
        if (index.name.equals("PRIMARY")) {
            table.primaryKey = Optional.of(new PrimaryKey(index.name, columns));
        } else if (index.unique && index.type.equals("BTREE") && index.comment.isEmpty() && !index.hidden
                && index.parts.stream().allMatch(Part::plain)) {
            table.uniques.add(new UniqueConstraint(index.name, columns, null));
        } else {
            table.indexes.add(new Index(index.name, index.unique, index.type.toLowerCase(Locale.ROOT),
                    index.parts.stream().map(Part::key).toList(), List.of(), Optional.empty(),
                    definition(table.name, index)));
        }
    }

    private String definition(QualifiedName table, Parts index) {
        String kind = switch (index.type) {
            case "FULLTEXT", "SPATIAL" -> index.type + " ";
            default -> index.unique ? "UNIQUE " : "";
        };
        StringBuilder sql = new StringBuilder("CREATE ").append(kind).append("INDEX ")
                .append(MysqlNames.quote(index.name)).append(" ON ").append(MysqlNames.quote(table.name()))
                .append(" (").append(index.parts.stream().map(Part::sql).collect(Collectors.joining(", ")))
                .append(')');
        if (index.type.equals("HASH") || index.type.equals("RTREE") && !kind.startsWith("SPATIAL")) {
            sql.append(" USING ").append(index.type);
        }
        if (!index.comment.isEmpty()) {
            sql.append(" COMMENT ").append(MysqlNames.literal(index.comment));
        }
        if (index.hidden) {
            sql.append(flavor == MysqlFlavor.MARIADB ? " IGNORED" : " INVISIBLE");
        }
        return sql.toString();
    }
}
