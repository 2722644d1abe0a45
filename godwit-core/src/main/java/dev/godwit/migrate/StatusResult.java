package dev.godwit.migrate;

import java.util.List;

/**
 * Every migration known to the sources or the history: the sources' order first, then migrations only the history
 * knows.
 */
public record StatusResult(List<MigrationStatus> migrations) {

    public StatusResult {
        migrations = List.copyOf(migrations);
    }

    /** How many are in this state. */
    public long count(MigrationState state) {
        return migrations.stream().filter(m -> m.state() == state).count();
    }
}
