package dev.godwit.migrate;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Compares the migrations the sources hold with the rows of the history: which are applied, pending, changed,
 * failed or missing. Only a migration whose text checksum differs is split into statements, to tell a
 * whitespace-only edit from a real one; a run with everything applied reads each file once and splits none.
 */
final class StatusCheck {

    private StatusCheck() {
    }

    static StatusResult check(Session session, MigrationGraph graph, List<AppliedMigration> history) {
        Map<MigrationId, AppliedMigration> applied = new LinkedHashMap<>();
        history.forEach(a -> applied.put(a.id(), a));
        Map<MigrationId, MigrationStatus> byId = new HashMap<>();
        for (Migration m : graph.order()) {
            AppliedMigration row = applied.get(m.id());
            byId.put(m.id(), row == null ? pending(m) : compare(session, m, row));
        }
        List<MigrationStatus> statuses = new ArrayList<>();
        // Applied first, in the order they were applied, then pending in the order they will be.
        for (AppliedMigration row : history) {
            MigrationStatus status = byId.remove(row.id());
            statuses.add(status != null ? status : missing(row));
        }
        for (Migration m : graph.order()) {
            MigrationStatus status = byId.remove(m.id());
            if (status != null) {
                statuses.add(status);
            }
        }
        return new StatusResult(statuses);
    }

    private static MigrationStatus pending(Migration m) {
        return new MigrationStatus(m.id(), m.description(), MigrationState.PENDING, m.location(), Optional.empty(),
                Optional.empty());
    }

    private static MigrationStatus missing(AppliedMigration row) {
        return new MigrationStatus(row.id(), row.description(), row.success() ? MigrationState.MISSING
                : MigrationState.FAILED, row.script(), Optional.ofNullable(row.appliedAt()),
                Optional.of(row.success() ? "applied from " + row.script() + ", which no source holds any more"
                        : failedDetail(row)));
    }

    private static MigrationStatus compare(Session session, Migration m, AppliedMigration row) {
        Optional<java.time.Instant> at = Optional.ofNullable(row.appliedAt());
        if (!row.success()) {
            return new MigrationStatus(m.id(), m.description(), MigrationState.FAILED, m.location(), at,
                    Optional.of(failedDetail(row)));
        }
        String now = m.checksum();
        if (now.equals(row.checksum())) {
            return new MigrationStatus(m.id(), m.description(), MigrationState.APPLIED, m.location(), at,
                    Optional.empty());
        }
        if (m.kind().repeatable()) {
            return new MigrationStatus(m.id(), m.description(), MigrationState.PENDING, m.location(), at,
                    Optional.of(m.location() + " changed since it was applied; migrate applies it again."));
        }
        boolean cosmetic = m.java().isEmpty() && Checksums.ofStatements(session.statements(m, m.up())).equals(row.sqlChecksum());
        String detail = cosmetic
                ? m.location() + " changed only in whitespace or comments since it was applied (applied checksum "
                + row.checksum() + ", file checksum " + now + "). Run `godwit repair` to accept the new text."
                : m.location() + " was changed after it was applied (applied checksum " + row.checksum()
                + ", file checksum " + now + "). Restore the applied text and put the change in a new migration, "
                + "or, if the database already matches the file, run `godwit repair` to accept it.";
        return new MigrationStatus(m.id(), m.description(), MigrationState.CHANGED, m.location(), at,
                Optional.of(detail));
    }

    private static String failedDetail(AppliedMigration row) {
        return "migration " + row.id() + " (" + row.script() + ") ran without a transaction and did not finish: "
                + "some of its statements may have been applied. Check the database, finish or undo its work by "
                + "hand, then run `godwit repair` to clear the mark and migrate again.";
    }

    static ValidateResult validate(StatusResult status) {
        List<MigrationStatus> problems = new ArrayList<>();
        List<MigrationStatus> warnings = new ArrayList<>();
        for (MigrationStatus s : status.migrations()) {
            switch (s.state()) {
                case CHANGED, FAILED -> problems.add(s);
                case MISSING -> warnings.add(s);
                default -> { }
            }
        }
        return new ValidateResult(problems, warnings);
    }
}
