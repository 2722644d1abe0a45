package dev.godwit.migrate;

/** Where a migration's content comes from; stored in the history's {@code kind} column. */
public enum MigrationKind {
    /** A SQL script. */
    SQL
}
