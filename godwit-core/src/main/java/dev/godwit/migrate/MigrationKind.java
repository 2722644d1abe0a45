package dev.godwit.migrate;

/** Where a migration's content comes from; stored in the history's {@code kind} column. */
public enum MigrationKind {
    /** A SQL script, applied once. */
    SQL,
    /** A {@link JavaMigration}, applied once. */
    JAVA,
    /** A repeatable SQL script ({@code R__name.sql}): applied again whenever its text changes. */
    REPEATABLE_SQL,
    /** A repeatable {@link JavaMigration}: applied again whenever its declared version changes. */
    REPEATABLE_JAVA;

    /** True for the kinds applied again when their checksum changes. */
    public boolean repeatable() {
        return this == REPEATABLE_SQL || this == REPEATABLE_JAVA;
    }

    /**
     * True when a history row's {@code kind} is a repeatable one. Rows written before repeatables existed say
     * {@code SQL}; an unknown kind (a newer Godwit's) is taken as versioned.
     */
    static boolean repeatable(String storedKind) {
        return REPEATABLE_SQL.name().equals(storedKind) || REPEATABLE_JAVA.name().equals(storedKind);
    }
}
