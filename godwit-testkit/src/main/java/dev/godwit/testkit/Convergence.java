package dev.godwit.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.godwit.dialect.Dialect;
import dev.godwit.dialect.InspectOptions;
import dev.godwit.diff.Diff;
import dev.godwit.diff.Rename;
import dev.godwit.diff.SchemaDiffer;
import dev.godwit.model.Catalog;
import dev.godwit.model.Equivalence;
import dev.godwit.plan.Plan;
import dev.godwit.plan.PlannedStatement;
import dev.godwit.plan.Planner;
import dev.godwit.plan.UnsupportedChangeException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Assumptions;

/**
 * The convergence check (DESIGN.md, Tests): load {@code from.sql} into database A and {@code to.sql} into B, plan
 * A -> B, apply the plan to A, and A must then be equivalent to B with an empty re-diff; the down plan applied to A
 * must give back the original {@code from}. A case listed as deliberately unsupported must fail planning with an
 * "unsupported:" error, never produce SQL. Rename hints ({@code -- godwit:rename old=new}) in {@code to.sql} are
 * passed to the differ.
 */
public final class Convergence {

    /** How a test's two databases are emptied and loaded. */
    public interface Databases {
        Connection connectA() throws SQLException;

        Connection connectB() throws SQLException;

        /** Drops everything a previous case created. */
        void empty(Connection c) throws SQLException;

        /** Runs a case's SQL file; throws when it does not load here. */
        void load(Connection c, String sql) throws SQLException;
    }

    private final Dialect dialect;
    private final Databases databases;
    private final Map<String, String> unsupported;

    public Convergence(Dialect dialect, Databases databases, Map<String, String> unsupported) {
        this.dialect = dialect;
        this.databases = databases;
        this.unsupported = unsupported;
    }

    /**
     * The deliberately unsupported cases of a list file: one {@code suite/case: reason} per line, {@code #}
     * comments.
     */
    public static Map<String, String> unsupportedList(Path file) {
        Map<String, String> map = new TreeMap<>();
        try {
            for (String line : Files.readAllLines(file)) {
                String l = line.strip();
                if (l.isEmpty() || l.startsWith("#")) {
                    continue;
                }
                int colon = l.indexOf(':');
                map.put(l.substring(0, colon).strip(), l.substring(colon + 1).strip());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return map;
    }

    /** {@code suite/case} of a case directory. */
    public static String name(Path caseDir) {
        int n = caseDir.getNameCount();
        return caseDir.subpath(n - 2, n).toString();
    }

    public void check(Path caseDir) throws Exception {
        String name = name(caseDir);
        try (Connection a = databases.connectA(); Connection b = databases.connectB()) {
            databases.empty(a);
            databases.empty(b);
            load(a, caseDir.resolve("from.sql"), name);
            load(b, caseDir.resolve("to.sql"), name);
            Catalog from = inspect(a);
            Catalog to = inspect(b);
            Path toFile = caseDir.resolve("to.sql");
            List<Rename> renames = Files.isRegularFile(toFile) ? Rename.hintsIn(Files.readString(toFile)) : List.of();
            SchemaDiffer differ = new SchemaDiffer(dialect.changeWriter().hooks(), renames);
            Diff diff = differ.diff(from, to);
            Plan plan;
            try {
                plan = new Planner(dialect.changeWriter()).plan(diff);
            } catch (UnsupportedChangeException e) {
                assertTrue(unsupported.containsKey(name), name + " is not listed as unsupported but planning "
                        + "said: " + e.getMessage());
                return;
            }
            if (unsupported.containsKey(name)) {
                fail(name + " is listed as unsupported (" + unsupported.get(name) + ") but planned without error:\n"
                        + plan.upSql());
            }
            apply(a, plan.up(), name, "up");
            Catalog after = inspect(a);
            assertEquals(List.of(), Equivalence.differences(after, to), name + ": after the up plan\n"
                    + plan.upSql());
            assertEquals(List.of(), differ.diff(after, to).changes().stream().map(c -> c.describe()).toList(),
                    name + ": re-diff after the up plan\n" + plan.upSql());
            if (plan.reversible()) {
                apply(a, plan.down(), name, "down");
                assertEquals(List.of(), Equivalence.differences(inspect(a), from), name + ": after the down plan\n"
                        + plan.downSql());
            }
        }
    }

    private void load(Connection c, Path file, String name) throws IOException {
        String sql = Files.isRegularFile(file) ? Files.readString(file) : "";
        try {
            databases.load(c, sql);
        } catch (SQLException e) {
            Assumptions.abort(name + "/" + file.getFileName() + " does not load here: " + e.getMessage());
        }
    }

    private Catalog inspect(Connection c) throws SQLException {
        return dialect.inspector().inspect(c, InspectOptions.everySchema());
    }

    /** In one transaction when every statement allows it, else statement by statement in auto-commit mode. */
    private static void apply(Connection c, List<PlannedStatement> statements, String name, String direction)
            throws SQLException {
        boolean transactional = statements.stream().allMatch(PlannedStatement::transactional);
        c.setAutoCommit(!transactional);
        try (Statement s = c.createStatement()) {
            for (PlannedStatement statement : statements) {
                try {
                    s.execute(statement.sql());
                } catch (SQLException e) {
                    if (transactional) {
                        c.rollback();
                    }
                    fail(name + ": the " + direction + " plan failed at\n" + statement.sql() + "\n" + e.getMessage()
                            + "\nwhole plan:\n" + statements.stream().map(PlannedStatement::sql)
                            .collect(Collectors.joining(";\n")));
                }
            }
            if (transactional) {
                c.commit();
            }
        } finally {
            c.setAutoCommit(true);
        }
    }
}
