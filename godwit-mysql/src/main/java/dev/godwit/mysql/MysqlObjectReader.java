package dev.godwit.mysql;

import dev.godwit.dialect.InspectOptions;
import dev.godwit.model.QualifiedName;
import dev.godwit.model.Routine;
import dev.godwit.model.View;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Reads the views and stored routines of a set of databases, one query per kind (routines and their parameters
 * are two). Both are kept as a {@code CREATE} statement without {@code DEFINER}: the account that created an
 * object on one server rarely exists on another, and without the clause the creating session's user is used.
 */
final class MysqlObjectReader {

    private static final CatalogQuery VIEWS = CatalogQuery.of("views.sql");
    private static final CatalogQuery ROUTINES = CatalogQuery.of("routines.sql");
    private static final CatalogQuery PARAMETERS = CatalogQuery.of("parameters.sql");

    private final Map<String, List<View>> views = new HashMap<>();
    private final Map<String, List<Routine>> routines = new HashMap<>();

    List<View> viewsIn(String schema) {
        return views.getOrDefault(schema, List.of());
    }

    List<Routine> routinesIn(String schema) {
        return routines.getOrDefault(schema, List.of());
    }

    void read(Connection connection, List<String> schemas, InspectOptions options, List<QualifiedName> tables)
            throws SQLException {
        readViews(connection, schemas, options, tables);
        readRoutines(connection, schemas, options);
    }

    /**
     * VIEW_DEFINITION names every table with its database ({@code `app`.`users`}); the view's own database is
     * removed, so the definition reads the same in a database of another name. What the view reads is found in the
     * text: a table or view of its database whose back-quoted name appears in it.
     */
    private void readViews(Connection connection, List<String> schemas, InspectOptions options,
                           List<QualifiedName> tables) throws SQLException {
        record Row(QualifiedName name, String create, String select) {
        }
        List<Row> rows = new ArrayList<>();
        VIEWS.run(connection, schemas, rs -> {
            QualifiedName name = MysqlTableReader.name(rs, "view_name");
            if (!options.selects(name.schema(), name.name())) {
                return;
            }
            String select = rs.getString("definition").replace(MysqlNames.quote(name.schema()) + ".", "");
            String check = rs.getString("check_option");
            String create = "CREATE " + ("INVOKER".equals(rs.getString("security_type")) ? "SQL SECURITY INVOKER " : "")
                    + "VIEW " + MysqlNames.quote(name.name()) + " AS " + select
                    + (check == null || check.equals("NONE") ? "" : " WITH " + check + " CHECK OPTION");
            rows.add(new Row(name, create, select));
        });
        List<QualifiedName> candidates = new ArrayList<>(tables);
        rows.forEach(r -> candidates.add(r.name()));
        for (Row row : rows) {
            List<QualifiedName> dependsOn = candidates.stream()
                    .filter(c -> !c.equals(row.name()) && c.schema().equals(row.name().schema())
                            && row.select().contains(MysqlNames.quote(c.name())))
                    .toList();
            views.computeIfAbsent(row.name().schema(), s -> new ArrayList<>())
                    .add(new View(row.name(), false, row.create(), dependsOn, List.of(), Optional.empty()));
        }
    }

    private void readRoutines(Connection connection, List<String> schemas, InspectOptions options)
            throws SQLException {
        Map<String, List<String>> parameters = new HashMap<>();
        PARAMETERS.run(connection, schemas, rs -> {
            String mode = rs.getString("mode");
            String parameter = (rs.getString("routine_type").equals("PROCEDURE") && mode != null ? mode + " " : "")
                    + MysqlNames.quote(rs.getString("parameter_name")) + " " + rs.getString("data_type");
            parameters.computeIfAbsent(key(rs), k -> new ArrayList<>()).add(parameter);
        });
        ROUTINES.run(connection, schemas, rs -> {
            QualifiedName name = MysqlTableReader.name(rs, "routine_name");
            if (!options.selects(name.schema(), name.name())) {
                return;
            }
            String type = rs.getString("routine_type");
            String signature = String.join(", ", parameters.getOrDefault(key(rs), List.of()));
            String definition = "CREATE " + type + " " + MysqlNames.quote(name.name()) + "(" + signature + ")"
                    + (type.equals("FUNCTION") ? " RETURNS " + rs.getString("returns") : "")
                    + characteristics(rs) + "\n" + rs.getString("body");
            routines.computeIfAbsent(name.schema(), s -> new ArrayList<>())
                    .add(new Routine(name, type.toLowerCase(Locale.ROOT), signature, definition));
        });
    }

    /** What differs from the defaults (NOT DETERMINISTIC, CONTAINS SQL, SQL SECURITY DEFINER, no comment). */
    private static String characteristics(ResultSet rs) throws SQLException {
        List<String> out = new ArrayList<>();
        String comment = rs.getString("routine_comment");
        if (comment != null && !comment.isEmpty()) {
            out.add("COMMENT " + MysqlNames.literal(comment));
        }
        if (rs.getBoolean("is_deterministic")) {
            out.add("DETERMINISTIC");
        }
        String access = rs.getString("data_access");
        if (access != null && !access.equals("CONTAINS SQL")) {
            out.add(access);
        }
        if ("INVOKER".equals(rs.getString("security_type"))) {
            out.add("SQL SECURITY INVOKER");
        }
        return out.stream().map(c -> "\n    " + c).collect(Collectors.joining());
    }

    private static String key(ResultSet rs) throws SQLException {
        return rs.getString("schema_name") + "\u0000" + rs.getString("routine_type") + "\u0000"
                + rs.getString("routine_name");
    }
}
