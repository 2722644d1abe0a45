package dev.godwit.migrate;

/** Where one migration stands. */
public enum MigrationState {
    /** Applied, and its file still has the applied text. */
    APPLIED,
    /** Not applied yet. */
    PENDING,
    /** Applied, but its file has changed since. */
    CHANGED,
    /** A non-transactional migration that failed or was interrupted: {@code success = false} in the history. */
    FAILED,
    /** Applied, but no source holds it any more. */
    MISSING
}
