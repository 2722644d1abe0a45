package dev.godwit.migrate;

/** Whether a migration runs inside one transaction with its history row. */
public enum TransactionMode {
    /** All statements and the history row commit together, or nothing does. The default. */
    TRANSACTIONAL,
    /**
     * Each statement commits on its own ({@code -- godwit:no-transaction}): for statements the database refuses in
     * a transaction block, such as {@code CREATE INDEX CONCURRENTLY}. The history row is written with
     * {@code success = false} first and flipped after, so a crash leaves a visible mark.
     */
    NON_TRANSACTIONAL
}
