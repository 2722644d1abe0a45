package dev.godwit.testkit;

import java.util.List;

/**
 * A failed {@link Stairway} check: the first migration that did not survive up, down, up, and why. An
 * {@link AssertionError}, so a test framework reports it as a failure rather than an error.
 */
public final class StairwayFailure extends AssertionError {

    private static final long serialVersionUID = 1L;

    private final String migration;
    private final List<String> differences;

    StairwayFailure(String migration, String message, List<String> differences) {
        super(message);
        this.migration = migration;
        this.differences = List.copyOf(differences);
    }

    StairwayFailure(String migration, String message, List<String> differences, Throwable cause) {
        this(migration, message, differences);
        initCause(cause);
    }

    /** The id of the migration that failed. */
    public String migration() {
        return migration;
    }

    /** The schema differences found, one a line as {@link dev.godwit.model.Equivalence#differences} gives them. */
    public List<String> differences() {
        return differences;
    }
}
