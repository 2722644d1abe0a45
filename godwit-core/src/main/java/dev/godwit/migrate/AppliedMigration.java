package dev.godwit.migrate;

import java.time.Instant;
import java.util.Optional;

/**
 * One row of the history table.
 *
 * @param seq           the order in which migrations were applied, from 1
 * @param id            the migration's id
 * @param description   its description when applied
 * @param kind          {@link MigrationKind} name
 * @param script        where it came from when applied
 * @param checksum      {@link Checksums#of} of the up text
 * @param sqlChecksum   {@link Checksums#ofStatements} of the up text
 * @param down          the down text, kept so rollback works after the file is gone
 * @param transactionMode how it ran
 * @param appliedAt     when it was applied (the database's clock)
 * @param appliedBy     the database user that applied it
 * @param durationMs    how long it took
 * @param success       false while a non-transactional migration runs, and after one failed
 * @param godwitVersion the Godwit version that applied it
 */
public record AppliedMigration(int seq, MigrationId id, String description, String kind, String script,
                               String checksum, String sqlChecksum, Optional<String> down,
                               TransactionMode transactionMode, Instant appliedAt, String appliedBy, long durationMs,
                               boolean success, String godwitVersion) {
}
