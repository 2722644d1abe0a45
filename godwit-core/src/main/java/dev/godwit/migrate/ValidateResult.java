package dev.godwit.migrate;

import java.util.List;

/**
 * What {@code validate} found.
 *
 * @param problems what makes {@code migrate} refuse: changed applied migrations, failed rows
 * @param warnings what is worth knowing but allowed: applied migrations whose file is gone
 */
public record ValidateResult(List<MigrationStatus> problems, List<MigrationStatus> warnings) {

    public ValidateResult {
        problems = List.copyOf(problems);
        warnings = List.copyOf(warnings);
    }

    public boolean valid() {
        return problems.isEmpty();
    }
}
