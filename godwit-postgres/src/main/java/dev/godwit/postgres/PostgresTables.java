package dev.godwit.postgres;

import static dev.godwit.postgres.PostgresNames.quote;

import dev.godwit.diff.Change;
import dev.godwit.model.Table;
import dev.godwit.plan.Hazard;
import dev.godwit.plan.UnsupportedChangeException;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Table-level changes: LOGGED/UNLOGGED, a partition's bound, exclusion constraints, INHERIT / NO INHERIT, row-level
 * security and its policies.
 */
final class PostgresTables {

    private PostgresTables() {
    }

    static void alter(PostgresChangeWriter.Statements out, Change.AlterTable change) {
        Table a = change.from();
        Table b = change.to();
        String alter = PostgresChangeWriter.alterTable(b);
        if (!a.partitionOf().equals(b.partitionOf())) {
            a.partitionOf().ifPresent(p -> out.add("ALTER TABLE " + quote(p.parent()) + " DETACH PARTITION "
                    + quote(a.name())));
            b.partitionOf().ifPresent(p -> out.add("ALTER TABLE " + quote(p.parent()) + " ATTACH PARTITION "
                    + quote(b.name()) + " " + p.bound(), Hazard.BLOCKING_LOCK));
        }
        if (a.unlogged() != b.unlogged()) {
            out.add(alter + (b.unlogged() ? "SET UNLOGGED" : "SET LOGGED"), Hazard.TABLE_REWRITE);
        }
        inheritance(out, a, b);
        PostgresTables.rowSecurity(b, PostgresDdlWriter.rowSecurity(a), PostgresDdlWriter.rowSecurity(b))
                .forEach(sql -> out.add(sql));
        policies(out, a, b);
        indexComments(out, a, b);
        for (Map.Entry<String, String> e : a.attributes().entrySet()) {
            if (handledApart(e.getKey())) {
                continue;
            }
            String now = b.attributes().get(e.getKey());
            if (!Objects.equals(now, e.getValue())) {
                exclusion(e.getKey()).ifPresentOrElse(name -> out.add(alter + "DROP CONSTRAINT " + quote(name)),
                        () -> unknown(change, e.getKey()));
            }
        }
        for (Map.Entry<String, String> e : b.attributes().entrySet()) {
            if (handledApart(e.getKey())) {
                continue;
            }
            String before = a.attributes().get(e.getKey());
            if (!Objects.equals(before, e.getValue())) {
                exclusion(e.getKey()).ifPresentOrElse(name -> out.add(alter + "ADD CONSTRAINT " + quote(name) + " "
                        + e.getValue(), Hazard.BLOCKING_LOCK), () -> unknown(change, e.getKey()));
            }
        }
    }

    private static boolean handledApart(String key) {
        return key.equals(PostgresTableReader.INHERITS) || key.equals(PostgresTableReader.ROW_SECURITY)
                || key.startsWith(PostgresTableReader.POLICY_PREFIX)
                || key.startsWith(PostgresTableReader.INDEX_COMMENT_PREFIX);
    }

    /**
     * ENABLE / DISABLE and FORCE / NO FORCE ROW LEVEL SECURITY from one state ({@code enabled, forced}) to another;
     * none when they are the same.
     */
    static List<String> rowSecurity(Table table, Optional<String> from, Optional<String> to) {
        boolean enabledBefore = from.filter(s -> s.startsWith("enabled")).isPresent();
        boolean enabledAfter = to.filter(s -> s.startsWith("enabled")).isPresent();
        boolean forcedBefore = from.filter(s -> s.endsWith("forced")).isPresent();
        boolean forcedAfter = to.filter(s -> s.endsWith("forced")).isPresent();
        String alter = PostgresChangeWriter.alterTable(table);
        List<String> out = new java.util.ArrayList<>();
        if (enabledBefore != enabledAfter) {
            out.add(alter + (enabledAfter ? "ENABLE" : "DISABLE") + " ROW LEVEL SECURITY");
        }
        if (forcedBefore != forcedAfter) {
            out.add(alter + (forcedAfter ? "FORCE" : "NO FORCE") + " ROW LEVEL SECURITY");
        }
        return out;
    }

    private static void indexComments(PostgresChangeWriter.Statements out, Table a, Table b) {
        java.util.Set<String> keys = new java.util.TreeSet<>(a.attributes().keySet());
        keys.addAll(b.attributes().keySet());
        for (String key : keys) {
            Optional<String> before = Optional.ofNullable(a.attributes().get(key));
            Optional<String> after = Optional.ofNullable(b.attributes().get(key));
            if (key.startsWith(PostgresTableReader.INDEX_COMMENT_PREFIX) && !before.equals(after)) {
                out.add(indexComment(b, key, after));
            }
        }
    }

    static String indexComment(Table table, String key, Optional<String> comment) {
        String index = key.substring(PostgresTableReader.INDEX_COMMENT_PREFIX.length());
        return PostgresChangeWriter.comment("INDEX " + quote(dev.godwit.model.QualifiedName.of(
                table.name().schema(), index)), comment);
    }

    /** A changed policy is dropped and created again: ALTER POLICY cannot change PERMISSIVE or the command. */
    private static void policies(PostgresChangeWriter.Statements out, Table a, Table b) {
        for (Map.Entry<String, String> e : a.attributes().entrySet()) {
            if (e.getKey().startsWith(PostgresTableReader.POLICY_PREFIX)
                    && !e.getValue().equals(b.attributes().get(e.getKey()))) {
                out.add("DROP POLICY " + quote(e.getKey().substring(PostgresTableReader.POLICY_PREFIX.length()))
                        + " ON " + quote(a.name()));
            }
        }
        for (Map.Entry<String, String> e : b.attributes().entrySet()) {
            if (e.getKey().startsWith(PostgresTableReader.POLICY_PREFIX)
                    && !e.getValue().equals(a.attributes().get(e.getKey()))) {
                out.add(e.getValue());
            }
        }
    }

    /** INHERIT needs the child to have every column of the parent already: the planner adds them first. */
    private static void inheritance(PostgresChangeWriter.Statements out, Table a, Table b) {
        List<String> before = parents(a);
        List<String> after = parents(b);
        String alter = PostgresChangeWriter.alterTable(b);
        before.stream().filter(p -> !after.contains(p)).forEach(p -> out.add(alter + "NO INHERIT " + p));
        after.stream().filter(p -> !before.contains(p)).forEach(p -> out.add(alter + "INHERIT " + p,
                Hazard.BLOCKING_LOCK));
    }

    static List<String> parents(Table t) {
        String value = t.attributes().get(PostgresTableReader.INHERITS);
        return value == null ? List.of() : List.of(value.split(",\\s*"));
    }

    private static Optional<String> exclusion(String key) {
        return key.startsWith(PostgresTableReader.EXCLUSION_PREFIX)
                ? Optional.of(key.substring(PostgresTableReader.EXCLUSION_PREFIX.length())) : Optional.empty();
    }

    private static void unknown(Change.AlterTable change, String attribute) {
        throw new UnsupportedChangeException(change, "changing table attribute " + attribute + " of " + change
                .to().name() + ", which Godwit reads but does not know how to alter; write the change by hand in a "
                + "migration");
    }
}
