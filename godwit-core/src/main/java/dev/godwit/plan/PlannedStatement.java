package dev.godwit.plan;

import dev.godwit.diff.Change;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * One statement of a plan: the SQL (without the terminating semicolon), the change it comes from, whether it can
 * run inside a transaction, and its hazards.
 */
public record PlannedStatement(String sql, Change change, boolean transactional, Set<Hazard> hazards) {

    public PlannedStatement {
        Objects.requireNonNull(sql, "sql");
        Objects.requireNonNull(change, "change");
        hazards = hazards.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(hazards));
    }

    /** A statement that runs in a transaction, with these hazards. */
    public static PlannedStatement of(Change change, String sql, Hazard... hazards) {
        return new PlannedStatement(sql, change, true, Set.of(hazards));
    }

    /** A statement that must run outside a transaction. */
    public static PlannedStatement outsideTransaction(Change change, String sql, Hazard... hazards) {
        EnumSet<Hazard> all = EnumSet.of(Hazard.NON_TRANSACTIONAL);
        all.addAll(Set.of(hazards));
        return new PlannedStatement(sql, change, false, all);
    }
}
