package dev.godwit.restore;

/**
 * What a restore did.
 *
 * @param statements    statements run (transaction control the restore replaced by its own transaction left out)
 * @param copiedRows    rows loaded from data in the dump (PostgreSQL COPY)
 * @param lines         lines of the dump read
 * @param transactional whether it ran as one transaction (a failure would have left the database empty)
 * @param durationMs    wall time
 */
public record RestoreResult(long statements, long copiedRows, long lines, boolean transactional, long durationMs) {
}
