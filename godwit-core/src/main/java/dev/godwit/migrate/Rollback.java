package dev.godwit.migrate;

import dev.godwit.dialect.Durability;
import dev.godwit.dialect.SqlStatement;
import dev.godwit.error.ErrorCode;
import dev.godwit.error.GodwitException;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Runs down sections, newest applied migration first, deleting each history row in the same transaction as its
 * down statements. The down text comes from the migration's source, or, when that is gone, from the history, which
 * keeps it for exactly this. Every migration to roll back is checked for a down section before anything runs.
 */
final class Rollback {

    private final Session session;
    private final MigrationGraph graph;

    Rollback(Session session, MigrationGraph graph) {
        this.session = session;
        this.graph = graph;
    }

    List<MigrationRun> run(RollbackOptions options) {
        List<AppliedMigration> history = session.readHistory();
        List<AppliedMigration> failed = history.stream().filter(a -> !a.success()).toList();
        if (!failed.isEmpty()) {
            throw new GodwitException(ErrorCode.ROLLBACK, "Nothing was rolled back: migration " + failed.get(0).id()
                    + " is marked as failed. Check the database, then run `godwit repair` first.");
        }
        // Repeatable migrations are not undone: they are re-applied when they change.
        List<AppliedMigration> newestFirst = new ArrayList<>(history.stream()
                .filter(a -> !MigrationKind.repeatable(a.kind())).toList());
        java.util.Collections.reverse(newestFirst);
        List<Migration> chosen = resolve(choose(newestFirst, options));
        List<MigrationRun> runs = new ArrayList<>();
        for (int i = 0; i < chosen.size(); i++) {
            runs.add(down(chosen.get(i), i == chosen.size() - 1 ? Durability.DURABLE : Durability.DEFERRED));
        }
        return runs;
    }

    private static List<AppliedMigration> choose(List<AppliedMigration> newestFirst, RollbackOptions options) {
        if (options.target().isEmpty()) {
            return newestFirst.subList(0, Math.min(options.steps(), newestFirst.size()));
        }
        String reference = options.target().get();
        List<AppliedMigration> chosen = new ArrayList<>();
        for (AppliedMigration a : newestFirst) {
            if (a.id().matches(reference)) {
                return chosen;
            }
            chosen.add(a);
        }
        throw new GodwitException(ErrorCode.ROLLBACK, "Nothing was rolled back: the target '" + reference
                + "' is not an applied migration. `godwit status` lists the applied ones.");
    }

    /** The migrations to run down, each with a down section, or an error naming all that have none. */
    private List<Migration> resolve(List<AppliedMigration> rows) {
        List<Migration> migrations = new ArrayList<>();
        List<String> withoutDown = new ArrayList<>();
        for (AppliedMigration row : rows) {
            Optional<Migration> source = graph.get(row.id());
            Optional<Section> down = source.flatMap(Migration::down)
                    .or(() -> row.down().filter(d -> !d.isBlank()).map(Section::of));
            if (down.isEmpty()) {
                withoutDown.add(row.id() + " (" + row.script() + ")");
                continue;
            }
            migrations.add(new Migration(row.id(), row.description(), MigrationKind.SQL,
                    source.map(Migration::location).orElse(row.script() + " (down text from history)"),
                    source.map(Migration::up).orElse(Section.of("")), down, List.of(), row.transactionMode(),
                    source.flatMap(Migration::java).filter(JavaMigration::reversible)));
        }
        if (!withoutDown.isEmpty()) {
            throw new GodwitException(ErrorCode.ROLLBACK, "Nothing was rolled back: "
                    + String.join(", ", withoutDown) + (withoutDown.size() == 1 ? " has" : " have")
                    + " no down section. Add a '-- godwit:down' section, or write a new migration that undoes it.");
        }
        return migrations;
    }

    private MigrationRun down(Migration m, Durability durability) {
        Section section = m.down().orElseThrow();
        List<SqlStatement> statements = m.java().isPresent() ? List.of() : session.statements(m, section);
        session.settings.listener().starting(m, MigrationListener.Direction.DOWN);
        long started = System.nanoTime();
        if (m.transactionMode() == TransactionMode.TRANSACTIONAL) {
            inTransaction(m, section, statements, durability);
        } else {
            String afterFailure = "It ran without a transaction: the statements before it stay applied and the "
                    + "migration stays recorded as applied.";
            if (m.java().isPresent()) {
                session.runJava(m, false, "Rollback of migration", afterFailure);
            } else {
                session.run(m, section, statements, "Rollback of migration", afterFailure);
            }
            session.history(() -> {
                session.history.delete(session.connection, m.id());
                return null;
            }, "update");
        }
        MigrationRun run = new MigrationRun(m.id(), m.description(), m.location(), m.transactionMode(),
                statements.stream().map(SqlStatement::sql).collect(Collectors.toList()), Migrator.elapsedMs(started));
        session.settings.listener().finished(run, MigrationListener.Direction.DOWN);
        return run;
    }

    private void inTransaction(Migration m, Section section, List<SqlStatement> statements, Durability durability) {
        session.history(() -> {
            session.dialect.begin(session.connection, durability);
            return null;
        }, "lock");
        try {
            String afterFailure = "Nothing of this rollback was applied; the migration stays applied.";
            if (m.java().isPresent()) {
                session.runJava(m, false, "Rollback of migration", afterFailure);
            } else {
                session.run(m, section, statements, "Rollback of migration", afterFailure);
            }
            session.history(() -> {
                session.history.delete(session.connection, m.id());
                return null;
            }, "update");
            session.commit(m, "Rollback of migration", afterFailure);
        } catch (GodwitException e) {
            session.rollbackQuietly(e);
            throw e;
        }
    }
}
