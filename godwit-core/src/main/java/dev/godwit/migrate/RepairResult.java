package dev.godwit.migrate;

import java.util.List;

/**
 * What {@code repair} changed in the history.
 *
 * @param clearedFailures failed rows removed, so the migrations count as pending again
 * @param realigned       applied migrations whose checksums now match their files
 */
public record RepairResult(List<MigrationId> clearedFailures, List<MigrationId> realigned) {

    public RepairResult {
        clearedFailures = List.copyOf(clearedFailures);
        realigned = List.copyOf(realigned);
    }
}
