package dev.godwit.migrate;

import java.util.List;

/**
 * One migration a run applied, rolled back, or (in a dry run) would apply.
 *
 * @param id          the migration
 * @param description its description
 * @param location    its file or source
 * @param transactionMode how it ran
 * @param statements  the statements run, in order
 * @param durationMs  how long it took; 0 in a dry run
 */
public record MigrationRun(MigrationId id, String description, String location, TransactionMode transactionMode,
                           List<String> statements, long durationMs) {

    public MigrationRun {
        statements = List.copyOf(statements);
    }
}
