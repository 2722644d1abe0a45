package dev.godwit.migrate;

import dev.godwit.dialect.Durability;
import dev.godwit.dialect.MigrationLock;
import dev.godwit.dialect.SqlStatement;
import dev.godwit.error.ErrorCode;
import dev.godwit.error.GodwitException;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Applies versioned migrations exactly once. A run loads and orders every migration before it connects (a broken
 * file fails fast), takes the migrator lock, reads the history, refuses to go on when an applied migration changed
 * or a failed one is marked, and applies what is pending in dependency order. Each transactional migration commits
 * together with its history row; where the lock is taken per migration rather than per run (SQLite), it first
 * re-checks inside its transaction that nobody applied it meanwhile.
 *
 * <p>Instances are immutable and may be shared; each call opens and closes its own connections.
 */
public final class Migrator {

    private final MigratorSettings settings;

    public Migrator(MigratorSettings settings) {
        this.settings = settings;
    }

    /** Every migration of every source, ordered; checked for duplicates, missing dependencies and cycles. */
    public MigrationGraph graph() {
        List<Migration> offline = loadOffline();
        if (settings.sources().stream().noneMatch(MigrationSource::readsDatabase)) {
            return MigrationGraph.of(offline);
        }
        try (Session session = Session.open(settings)) {
            return graph(offline, session);
        }
    }

    /** The migrations of the sources that do not read the database: a broken file fails before connecting. */
    private List<Migration> loadOffline() {
        List<Migration> all = new ArrayList<>();
        for (MigrationSource source : settings.sources()) {
            if (!source.readsDatabase()) {
                all.addAll(source.load());
            }
        }
        return all;
    }

    private MigrationGraph graph(List<Migration> offline, Session session) {
        List<Migration> all = new ArrayList<>(offline);
        for (MigrationSource source : settings.sources()) {
            if (source.readsDatabase()) {
                all.addAll(source.load(session.connection, session.dialect));
            }
        }
        return MigrationGraph.of(all);
    }

    private List<Callback> callbacks() {
        List<Callback> all = new ArrayList<>(settings.callbacks());
        for (MigrationSource source : settings.sources()) {
            all.addAll(source.callbacks());
        }
        return all;
    }

    public MigrateResult migrate(MigrateOptions options) {
        long started = System.nanoTime();
        List<Migration> offline = loadOffline();
        // Without a source in the database, a broken graph (a cycle, a duplicate id) fails before connecting too.
        MigrationGraph early = settings.sources().stream().anyMatch(MigrationSource::readsDatabase) ? null
                : MigrationGraph.of(offline);
        try (Session session = Session.open(settings)) {
            if (options.mode() == MigrateOptions.Mode.DRY_RUN) {
                MigrationGraph graph = early != null ? early : graph(offline, session);
                return dryRun(session, graph, wanted(graph, options), started);
            }
            try (MigrationLock lock = session.lock()) {
                session.ensureHistory();
                Callbacks callbacks = new Callbacks(session, callbacks());
                try {
                    callbacks.fire(Callback.Event.BEFORE_MIGRATE, null, "Nothing was applied.");
                    MigrationGraph graph = early != null ? early : graph(offline, session);
                    MigrateResult result = applyPending(session, graph, wanted(graph, options), callbacks, started);
                    callbacks.fire(Callback.Event.AFTER_MIGRATE, null, "The migrations it ran stay applied.");
                    return result;
                } catch (RuntimeException e) {
                    callbacks.afterError(e);
                    throw e;
                }
            }
        }
    }

    private static Set<MigrationId> wanted(MigrationGraph graph, MigrateOptions options) {
        return options.target().map(t -> graph.withAncestors(target(graph, t).id())).orElse(null);
    }

    private MigrateResult applyPending(Session session, MigrationGraph graph, Set<MigrationId> wanted,
                                       Callbacks callbacks, long started) {
        List<AppliedMigration> history = session.readHistory();
        StatusResult status = StatusCheck.check(session, graph, history);
        refuseProblems(StatusCheck.validate(status));
        List<Migration> notApplied = Session.pending(graph.order(), history);
        List<Migration> pending = select(notApplied, wanted);
        List<MigrationRun> runs = new ArrayList<>();
        String appliedBy = appliedBy(session);
        for (int i = 0; i < pending.size(); i++) {
            Durability durability = i == pending.size() - 1 ? Durability.DURABLE : Durability.DEFERRED;
            MigrationRun run = new Apply(session, pending.get(i), appliedBy, callbacks).run(durability);
            if (run != null) {
                runs.add(run);
            }
        }
        Optional<MigrationId> revision = runs.isEmpty()
                ? history.stream().filter(AppliedMigration::success).reduce((a, b) -> b)
                .map(AppliedMigration::id) : Optional.of(runs.get(runs.size() - 1).id());
        return new MigrateResult(runs, graph.order().size() - notApplied.size(), false, warnings(status),
                elapsedMs(started), revision);
    }

    private MigrateResult dryRun(Session session, MigrationGraph graph, Set<MigrationId> wanted, long started) {
        List<AppliedMigration> history = session.readHistory();
        StatusResult status = StatusCheck.check(session, graph, history);
        refuseProblems(StatusCheck.validate(status));
        List<Migration> notApplied = Session.pending(graph.order(), history);
        List<MigrationRun> runs = new ArrayList<>();
        for (Migration m : select(notApplied, wanted)) {
            runs.add(new MigrationRun(m.id(), m.description(), m.location(), m.transactionMode(),
                    session.statements(m, m.up()).stream().map(SqlStatement::sql).toList(), 0));
        }
        return new MigrateResult(runs, graph.order().size() - notApplied.size(), true, warnings(status),
                elapsedMs(started), Optional.empty());
    }

    public StatusResult status() {
        List<Migration> offline = loadOffline();
        try (Session session = Session.open(settings)) {
            return StatusCheck.check(session, graph(offline, session), session.readHistory());
        }
    }

    public ValidateResult validate() {
        return StatusCheck.validate(status());
    }

    public RollbackResult rollback(RollbackOptions options) {
        long started = System.nanoTime();
        List<Migration> offline = loadOffline();
        try (Session session = Session.open(settings); MigrationLock lock = session.lock()) {
            MigrationGraph graph = graph(offline, session);
            List<MigrationRun> runs = new Rollback(session, graph).run(options);
            return new RollbackResult(runs, elapsedMs(started));
        }
    }

    /**
     * Clears the marks of failed non-transactional migrations and takes the current text of changed applied
     * migrations as the applied one.
     */
    public RepairResult repair() {
        List<Migration> offline = loadOffline();
        try (Session session = Session.open(settings); MigrationLock lock = session.lock()) {
            MigrationGraph graph = graph(offline, session);
            List<AppliedMigration> history = session.readHistory();
            StatusResult status = StatusCheck.check(session, graph, history);
            List<MigrationId> cleared = new ArrayList<>();
            List<MigrationId> realigned = new ArrayList<>();
            for (MigrationStatus s : status.migrations()) {
                if (s.state() == MigrationState.FAILED) {
                    session.history(() -> {
                        session.history.delete(session.connection, s.id());
                        return null;
                    }, "update");
                    cleared.add(s.id());
                } else if (s.state() == MigrationState.CHANGED) {
                    Migration m = graph.get(s.id()).orElseThrow();
                    List<SqlStatement> up = session.statements(m, m.up());
                    session.history(() -> {
                        session.history.accept(session.connection, m, up);
                        return null;
                    }, "update");
                    realigned.add(s.id());
                }
            }
            return new RepairResult(cleared, realigned);
        }
    }

    static Migration target(MigrationGraph graph, String reference) {
        return graph.find(reference).orElseThrow(() -> new GodwitException(ErrorCode.USAGE, "The target '"
                + reference + "' names no migration (or several). Use a full id as `godwit status` prints it."));
    }

    private static List<Migration> select(List<Migration> pending, Set<MigrationId> wanted) {
        return wanted == null ? pending : pending.stream().filter(m -> wanted.contains(m.id())).toList();
    }

    private static void refuseProblems(ValidateResult validation) {
        if (!validation.valid()) {
            throw new GodwitException(ErrorCode.VALIDATION, "Nothing was applied: "
                    + validation.problems().stream().map(p -> p.detail().orElse(p.id().value()))
                    .collect(Collectors.joining(" ")));
        }
    }

    private static List<String> warnings(StatusResult status) {
        return status.migrations().stream().filter(s -> s.state() == MigrationState.MISSING)
                .map(s -> "Migration " + s.id() + " was " + s.detail().orElse("applied but no source holds it"))
                .toList();
    }

    private String appliedBy(Session session) {
        try {
            String user = session.connection.getMetaData().getUserName();
            return user == null || user.isBlank() ? settings.localUser() : user;
        } catch (SQLException e) {
            return settings.localUser();
        }
    }

    static long elapsedMs(long startedNanos) {
        return (System.nanoTime() - startedNanos) / 1_000_000;
    }
}
