package dev.godwit.sqlite;

import dev.godwit.dialect.ConnectionSource;
import dev.godwit.dialect.Locker;
import dev.godwit.dialect.MigrationLock;
import dev.godwit.model.QualifiedName;
import java.time.Duration;

/**
 * SQLite has no session-level named lock. Migrators serialise instead on the database write lock, which each
 * migration takes with {@code BEGIN IMMEDIATE} (waiting up to the busy timeout) and under which it re-checks the
 * history; so there is nothing to hold for the whole run.
 */
final class SqliteLocker implements Locker {

    @Override
    public MigrationLock acquire(ConnectionSource connections, QualifiedName historyTable, Duration timeout) {
        return MigrationLock.NONE;
    }

    @Override
    public boolean holdsForWholeRun() {
        return false;
    }
}
