package dev.godwit.plan;

/** What a planned statement may do besides its change, so a careful engineer (or a CI check) can refuse it. */
public enum Hazard {
    /** Rows or columns of data are deleted (DROP TABLE, DROP COLUMN, an enum value removed). */
    DATA_LOSS,
    /** The database rewrites the whole table (most column type changes, SQLite table rebuilds). */
    TABLE_REWRITE,
    /** Takes a lock that blocks reads or writes for as long as a scan or build of the table takes. */
    BLOCKING_LOCK,
    /** Cannot run inside a transaction (CREATE INDEX CONCURRENTLY, ALTER TYPE ... ADD VALUE before use). */
    NON_TRANSACTIONAL,
    /** The reverse cannot restore what it undoes (dropped data, a value removed from an enum). */
    IRREVERSIBLE
}
