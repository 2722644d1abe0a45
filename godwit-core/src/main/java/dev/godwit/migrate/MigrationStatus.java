package dev.godwit.migrate;

import java.time.Instant;
import java.util.Optional;

/**
 * One line of {@code status}.
 *
 * @param id          the migration
 * @param description its description
 * @param state       where it stands
 * @param location    its file, or where it was applied from when the file is gone
 * @param appliedAt   when it was applied, if it was
 * @param detail      why it is {@code CHANGED} or {@code FAILED}, with what to do
 */
public record MigrationStatus(MigrationId id, String description, MigrationState state, String location,
                              Optional<Instant> appliedAt, Optional<String> detail) {
}
