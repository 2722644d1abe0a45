package dev.godwit.postgres;

import dev.godwit.model.Check;
import dev.godwit.postgres.PostgresCheckDeparser.Routine;
import dev.godwit.postgres.PostgresNodeTree.Node;
import dev.godwit.postgres.PostgresNodeTree.Unreadable;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns the CHECK constraints constraints.sql returns as expression trees into their definitions: printed here by
 * {@link PostgresCheckDeparser} when it can, by the server otherwise. At most two more queries, whatever the number of
 * checks: the operators and functions the trees use, and the definitions of the checks not printed here.
 */
final class PostgresCheckReader {

    private static final Logger LOG = LoggerFactory.getLogger(PostgresCheckReader.class);
    private static final CatalogQuery NAMES = CatalogQuery.of("check_names.sql");
    private static final CatalogQuery DEFINITIONS = CatalogQuery.of("check_definitions.sql");

    /** The column names columns.sql read. */
    @FunctionalInterface
    interface ColumnNames {
        String of(long table, int attnum);
    }

    /** A check waiting for its definition, and where to put it. */
    private record Pending(long oid, long table, String name, String tree, String suffix, Consumer<Check> sink) {
    }

    private final List<Pending> pending = new ArrayList<>();

    /**
     * A check read as its tree, added to {@code sink} by {@link #resolve}.
     *
     * @param noInherit NO INHERIT, printed after the expression as the server does
     * @param validated false for a check added NOT VALID
     */
    void add(long oid, long table, String name, String tree, boolean noInherit, boolean validated,
             Consumer<Check> sink) {
        String suffix = (noInherit ? " NO INHERIT" : "") + (validated ? "" : " NOT VALID");
        pending.add(new Pending(oid, table, name, tree, suffix, sink));
    }

    /**
     * Prints every check added, asking the server for those {@link PostgresCheckDeparser} does not print.
     *
     * @param columnNames a column's name by table oid and attnum, null for one not read
     */
    void resolve(CatalogReads reads, ColumnNames columnNames) throws SQLException {
        if (pending.isEmpty()) {
            return;
        }
        List<Node> trees = new ArrayList<>(pending.size());
        Set<Long> oids = new HashSet<>();
        List<Pending> byServer = new ArrayList<>();
        for (Pending check : pending) {
            try {
                Node tree = PostgresCheckDeparser.parse(check.tree);
                PostgresCheckDeparser.collectRoutines(tree, oids);
                trees.add(tree);
            } catch (Unreadable e) {
                trees.add(null);
                byServer.add(check);
            }
        }
        Map<Long, Routine> routines = new HashMap<>();
        if (!oids.isEmpty()) {
            reads.run(NAMES, "int8", oids.toArray(), rs -> routines.put(rs.getLong("oid"), new Routine(
                    rs.getString("kind").equals("o"), rs.getString("name"), CatalogQuery.longs(rs, "arg_types"))));
        }
        for (int i = 0; i < pending.size(); i++) {
            Pending check = pending.get(i);
            Node tree = trees.get(i);
            if (tree == null) {
                continue;
            }
            try {
                String expression = PostgresCheckDeparser.check(tree, attnum -> columnNames.of(check.table, attnum),
                        routines);
                check.sink.accept(new Check(check.name, expression + check.suffix));
            } catch (Unreadable e) {
                LOG.trace("CHECK {} is printed by the server: {}", check.name, e.getMessage());
                byServer.add(check);
            }
        }
        if (!byServer.isEmpty()) {
            Map<Long, String> definitions = new HashMap<>();
            reads.run(DEFINITIONS, "int8", byServer.stream().map(Pending::oid).toArray(),
                    rs -> definitions.put(rs.getLong("constraint_oid"), rs.getString("definition")));
            for (Pending check : byServer) {
                String definition = definitions.get(check.oid);
                // Missing only when the check was dropped after constraints.sql read it (one connection, no
                // snapshot): left out, as if the first query had run a moment later.
                if (definition != null) {
                    check.sink.accept(new Check(check.name, definition));
                }
            }
        }
        pending.clear();
    }
}
