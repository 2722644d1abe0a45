package dev.godwit.migrate;

import java.util.List;

/**
 * What {@code rollback} did.
 *
 * @param rolledBack the migrations whose down sections ran, newest first
 * @param durationMs the time the whole run took
 */
public record RollbackResult(List<MigrationRun> rolledBack, long durationMs) {

    public RollbackResult {
        rolledBack = List.copyOf(rolledBack);
    }
}
