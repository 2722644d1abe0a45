package dev.godwit.postgres;

import static dev.godwit.postgres.PostgresTableReader.name;

import dev.godwit.dialect.InspectOptions;
import dev.godwit.model.Check;
import dev.godwit.model.Column;
import dev.godwit.model.CompositeType;
import dev.godwit.model.DataType;
import dev.godwit.model.Domain;
import dev.godwit.model.EnumType;
import dev.godwit.model.QualifiedName;
import dev.godwit.model.Routine;
import dev.godwit.model.Sequence;
import dev.godwit.model.View;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads the objects of a set of schemas that are not tables (views, sequences, enums, domains, routines), one
 * query per kind, and keeps them by schema.
 */
final class PostgresObjectReader {

    static final CatalogQuery VIEWS = CatalogQuery.of("views.sql");
    private static final CatalogQuery SEQUENCES = CatalogQuery.of("sequences.sql");
    private static final CatalogQuery ENUMS = CatalogQuery.of("enums.sql");
    private static final CatalogQuery DOMAINS = CatalogQuery.of("domains.sql");
    private static final CatalogQuery ROUTINES = CatalogQuery.of("routines.sql");
    private static final CatalogQuery COMPOSITE_TYPES = CatalogQuery.of("composite_types.sql");

    /** One schema's objects as they are read. */
    static final class SchemaObjects {
        final List<View> views = new ArrayList<>();
        final List<Sequence> sequences = new ArrayList<>();
        final List<EnumType> enums = new ArrayList<>();
        final List<Domain> domains = new ArrayList<>();
        final List<Routine> routines = new ArrayList<>();
        final List<CompositeType> compositeTypes = new ArrayList<>();
    }

    private final Map<String, SchemaObjects> bySchema = new HashMap<>();

    /** The objects read in this schema (empty lists when there are none). */
    SchemaObjects in(String schema) {
        return bySchema.computeIfAbsent(schema, s -> new SchemaObjects());
    }

    /** Reads the selected sequences, enums, domains, composite types and routines. */
    void readTypesAndRoutines(CatalogReads reads, InspectOptions options) throws SQLException {
        reads.run(SEQUENCES, rs -> {
            QualifiedName name = name(rs, "schema_name", "sequence_name");
            if (options.selects(name.schema(), name.name())) {
                in(name.schema()).sequences.add(sequence(rs, name));
            }
        });
        reads.run(ENUMS, rs -> {
            QualifiedName name = name(rs, "schema_name", "type_name");
            if (options.selects(name.schema(), name.name())) {
                in(name.schema()).enums.add(new EnumType(name, CatalogQuery.strings(rs, "labels"),
                        Optional.ofNullable(rs.getString("comment"))));
            }
        });
        reads.run(DOMAINS, rs -> {
            QualifiedName name = name(rs, "schema_name", "domain_name");
            if (options.selects(name.schema(), name.name())) {
                in(name.schema()).domains.add(domain(rs, name));
            }
        });
        reads.run(COMPOSITE_TYPES, rs -> {
            QualifiedName name = name(rs, "schema_name", "type_name");
            if (options.selects(name.schema(), name.name())) {
                in(name.schema()).compositeTypes.add(compositeType(rs, name));
            }
        });
        reads.run(ROUTINES, rs -> {
            QualifiedName name = name(rs, "schema_name", "routine_name");
            if (options.selects(name.schema(), name.name())) {
                in(name.schema()).routines.add(new Routine(name, rs.getString("kind"), rs.getString("signature"),
                        rs.getString("definition")));
            }
        });
    }

    /** Reads the selected views; after the tables and their keys, which give views their triggers and indexes. */
    void readViews(CatalogReads reads, InspectOptions options, PostgresTableReader tables) throws SQLException {
        reads.run(VIEWS, rs -> {
            QualifiedName name = name(rs, "schema_name", "view_name");
            if (options.selects(name.schema(), name.name())) {
                in(name.schema()).views.add(view(rs, name, tables));
            }
        });
    }

    private static View view(ResultSet rs, QualifiedName name, PostgresTableReader tables) throws SQLException {
        List<String> schemas = CatalogQuery.strings(rs, "depends_on_schemas");
        List<String> names = CatalogQuery.strings(rs, "depends_on_names");
        List<QualifiedName> dependsOn = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            dependsOn.add(QualifiedName.of(schemas.get(i), names.get(i)));
        }
        return new View(name, rs.getBoolean("materialized"), rs.getString("definition"), dependsOn,
                tables.indexesOf(name), Optional.ofNullable(rs.getString("comment")), tables.triggersOf(name),
                columnComments(rs));
    }

    private static Map<String, String> columnComments(ResultSet rs) throws SQLException {
        List<String> columns = CatalogQuery.strings(rs, "commented_columns");
        List<String> comments = CatalogQuery.strings(rs, "column_comments");
        Map<String, String> map = new java.util.TreeMap<>();
        for (int i = 0; i < columns.size(); i++) {
            map.put(columns.get(i), comments.get(i));
        }
        return map;
    }

    private static Sequence sequence(ResultSet rs, QualifiedName name) throws SQLException {
        String ownerTable = rs.getString("owner_table");
        Optional<String> ownedBy = Optional.empty();
        if (ownerTable != null) {
            // Sequence.ownedBy is table.column, the table qualified only when it lives in another schema.
            String table = name.schema().equals(rs.getString("owner_schema")) ? ownerTable
                    : rs.getString("owner_schema") + "." + ownerTable;
            ownedBy = Optional.of(table + "." + rs.getString("owner_column"));
        }
        return new Sequence(name, rs.getString("data_type"), rs.getLong("seqstart"), rs.getLong("seqincrement"),
                rs.getLong("seqmin"), rs.getLong("seqmax"), rs.getLong("seqcache"), rs.getBoolean("seqcycle"),
                ownedBy, Optional.ofNullable(rs.getString("comment")));
    }

    private static CompositeType compositeType(ResultSet rs, QualifiedName name) throws SQLException {
        List<String> names = CatalogQuery.strings(rs, "names");
        List<String> typeNames = CatalogQuery.strings(rs, "type_names");
        List<String> types = CatalogQuery.strings(rs, "types");
        List<String> collations = CatalogQuery.strings(rs, "collations");
        List<Column> attributes = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            String raw = types.get(i);
            DataType type = new DataType(typeNames.get(i).replace("[]", ""), Optional.empty(), Optional.empty(),
                    Optional.empty(), raw.endsWith("[]") ? 1 : 0, raw);
            attributes.add(new Column(names.get(i), type, true, Optional.empty(), Optional.empty(), Optional.empty(),
                    Optional.of(collations.get(i)).filter(c -> !c.isEmpty()), Optional.empty()));
        }
        return new CompositeType(name, attributes, Optional.ofNullable(rs.getString("comment")));
    }

    private static Domain domain(ResultSet rs, QualifiedName name) throws SQLException {
        List<String> checkNames = CatalogQuery.strings(rs, "check_names");
        List<String> definitions = CatalogQuery.strings(rs, "check_definitions");
        List<Check> checks = new ArrayList<>();
        for (int i = 0; i < checkNames.size(); i++) {
            checks.add(new Check(checkNames.get(i), definitions.get(i)));
        }
        return new Domain(name, PostgresTypes.dataType(rs.getString("type_name"), rs.getInt("type_oid"),
                rs.getInt("type_modifier"), rs.getInt("dimensions"), rs.getString("type_raw")),
                rs.getBoolean("not_null"), Optional.ofNullable(rs.getString("default_expression")),
                Optional.ofNullable(rs.getString("collation")), checks,
                Optional.ofNullable(rs.getString("comment")));
    }
}
