package dev.godwit.error;

/**
 * The stable kinds of failure. The {@link #id()} is part of the JSON output and never changes; the exit code is
 * the one DESIGN.md gives each kind.
 */
public enum ErrorCode {
    /** Anything that is not one of the kinds below. */
    GENERAL("general", 1),
    /** The configuration is invalid: a bad URL, an unknown dialect, a value out of range. */
    CONFIG("config", 64),
    /** The database could not be reached or refused the credentials. */
    CONNECTION("connection", 1),
    /** A migration file or source could not be read or parsed. */
    MIGRATION_SOURCE("migration-source", 1),
    /** The migrations do not form a DAG: a cycle, a missing dependency, a duplicate id. */
    MIGRATION_ORDER("migration-order", 1),
    /** A migration failed while it ran. */
    MIGRATION_FAILED("migration-failed", 1),
    /** Applied migrations disagree with the files: changed checksums, failed rows. */
    VALIDATION("validation", 1),
    /** A rollback was asked for that cannot be done (no down section, unknown target). */
    ROLLBACK("rollback", 1),
    /** The history table could not be read or written. */
    HISTORY("history", 1),
    /** Another migrator held the lock for longer than the configured timeout. */
    LOCK_TIMEOUT("lock-timeout", 4),
    /** A change was refused because it is unsafe and was not allowed. */
    UNSAFE_CHANGE("unsafe-change", 3),
    /** A schema change Godwit deliberately does not make on this database. */
    UNSUPPORTED("unsupported", 1),
    /** The schema differs from the desired state: changes are pending or the database drifted. */
    DRIFT("drift", 2),
    /** A dump could not be restored: the target is not empty, or a statement of the dump failed. */
    RESTORE("restore", 1),
    /** The command line was wrong. */
    USAGE("usage", 64);

    private final String id;
    private final int exitCode;

    ErrorCode(String id, int exitCode) {
        this.id = id;
        this.exitCode = exitCode;
    }

    /** The stable, lower-case identifier used in JSON output. */
    public String id() {
        return id;
    }

    /** The process exit code for this kind of failure. */
    public int exitCode() {
        return exitCode;
    }
}
