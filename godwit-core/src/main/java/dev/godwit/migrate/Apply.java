package dev.godwit.migrate;

import dev.godwit.dialect.Durability;
import dev.godwit.dialect.SqlStatement;
import dev.godwit.error.GodwitException;
import java.sql.SQLException;
import java.util.List;

/**
 * Applies one migration and records it: in one transaction with its history row, or, for a non-transactional
 * migration, between a {@code success = false} row and the update that flips it.
 */
final class Apply {

    private final Session session;
    private final Migration m;
    private final String appliedBy;
    private final Callbacks callbacks;

    Apply(Session session, Migration migration, String appliedBy, Callbacks callbacks) {
        this.callbacks = callbacks;
        this.session = session;
        // Where DDL commits on its own (MySQL), a transaction could not undo a half-applied migration: every
        // migration takes the marked path and is recorded as run without a transaction, so a failure leaves a
        // success = false row instead of no trace, and its rollback is not promised to be atomic either.
        this.m = session.dialect.transactionalDdl() ? migration
                : migration.withTransactionMode(TransactionMode.NON_TRANSACTIONAL);
        this.appliedBy = appliedBy;
    }

    /** The run, or null when another migrator applied it first. */
    MigrationRun run(Durability durability) {
        List<SqlStatement> statements = m.java().isPresent() ? List.of() : session.statements(m, m.up());
        session.settings.listener().starting(m, MigrationListener.Direction.UP);
        long started = System.nanoTime();
        boolean applied = m.transactionMode() == TransactionMode.TRANSACTIONAL
                ? inTransaction(statements, durability, started)
                : withoutTransaction(statements, started);
        if (!applied) {
            return null;
        }
        MigrationRun run = new MigrationRun(m.id(), m.description(), m.location(), m.transactionMode(),
                statements.stream().map(SqlStatement::sql).toList(), Migrator.elapsedMs(started));
        session.settings.listener().finished(run, MigrationListener.Direction.UP);
        return run;
    }

    private boolean inTransaction(List<SqlStatement> statements, Durability durability, long started) {
        session.history(() -> {
            session.dialect.begin(session.connection, durability);
            return null;
        }, "lock");
        try {
            // Where migrators serialise only per migration (SQLite's write lock), another one may have applied it
            // since we read the history: look again, inside the transaction that now holds the lock.
            if (!session.dialect.locker().holdsForWholeRun()
                    && session.history(() -> session.history.isCurrent(session.connection, m), "read")) {
                session.dialect.rollback(session.connection);
                return false;
            }
            String afterFailure = "Nothing from this migration was applied" + (session.dialect.transactionalDdl()
                    ? "." : "; this database cannot roll DDL back, so statements before it stay applied.");
            body(statements, afterFailure);
            session.history(() -> {
                if (m.kind().repeatable()) {
                    session.history.delete(session.connection, m.id());
                }
                session.history.insert(session.connection, m, statements, appliedBy, Migrator.elapsedMs(started),
                        true, session.settings.godwitVersion());
                return null;
            }, "write");
            session.commit(m, "Migration", afterFailure);
            return true;
        } catch (GodwitException | SQLException e) {
            RuntimeException failure = e instanceof GodwitException g ? g
                    : new IllegalStateException("Cannot roll back migration " + m.id(), e);
            session.rollbackQuietly(failure);
            throw failure;
        }
    }

    private boolean withoutTransaction(List<SqlStatement> statements, long started) {
        boolean claimed = session.history(() -> {
            if (session.history.isCurrent(session.connection, m)) {
                return false;
            }
            if (m.kind().repeatable()) {
                session.history.delete(session.connection, m.id());
            }
            try {
                session.history.insert(session.connection, m, statements, appliedBy, 0, false,
                        session.settings.godwitVersion());
                return true;
            } catch (SQLException e) {
                if (session.dialect.isUniqueViolation(e)) {
                    return false;
                }
                throw e;
            }
        }, "write");
        if (!claimed) {
            return false;
        }
        body(statements, "It ran without a transaction: the statements before it "
                + "stay applied, and " + session.history.name() + " marks " + m.id() + " as failed. Finish or undo "
                + "its work by hand, then run `godwit repair` and migrate again.");
        session.history(() -> {
            session.history.markSucceeded(session.connection, m.id(), Migrator.elapsedMs(started));
            return null;
        }, "write");
        return true;
    }

    /** The migration's own work, between the per-migration callbacks. */
    private void body(List<SqlStatement> statements, String afterFailure) {
        callbacks.fire(Callback.Event.BEFORE_EACH_MIGRATE, m, afterFailure);
        if (m.java().isPresent()) {
            session.runJava(m, true, "Migration", afterFailure);
        } else {
            session.run(m, m.up(), statements, "Migration", afterFailure);
        }
        callbacks.fire(Callback.Event.AFTER_EACH_MIGRATE, m, afterFailure);
    }
}
