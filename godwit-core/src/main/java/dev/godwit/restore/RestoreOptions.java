package dev.godwit.restore;

/**
 * How a dump is restored.
 *
 * @param singleTransaction the whole dump as one transaction where the database can roll DDL back, so that a
 *                          failure leaves the database empty (the dump's own BEGIN and COMMIT are then left out),
 *                          as {@code psql -1} does. Off (the default), the dump runs as written, as {@code psql -f}
 *                          and {@code sqlite3} run it: a big PostgreSQL dump creates more objects than one
 *                          transaction may lock (max_locks_per_transaction; 1,500 tables with their indexes already
 *                          do at the default settings)
 * @param listener          hears the progress
 */
public record RestoreOptions(boolean singleTransaction, RestoreListener listener) {

    public RestoreOptions {
        listener = listener == null ? RestoreListener.NONE : listener;
    }

    /** The dump as written, no progress. */
    public static RestoreOptions defaults() {
        return new RestoreOptions(false, RestoreListener.NONE);
    }
}
