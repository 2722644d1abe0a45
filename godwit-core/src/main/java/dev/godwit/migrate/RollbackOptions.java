package dev.godwit.migrate;

import java.util.Optional;

/**
 * How far to roll back: the newest {@code steps} applied migrations, or everything applied after {@code target}.
 *
 * @param steps  how many of the newest applied migrations to roll back (when no target is given), at least 1
 * @param target roll back everything applied after this migration, which stays applied
 */
public record RollbackOptions(int steps, Optional<String> target) {

    public RollbackOptions {
        target = target == null ? Optional.empty() : target.filter(t -> !t.isBlank());
        if (steps < 1) {
            throw new IllegalArgumentException("steps must be at least 1, was " + steps);
        }
    }

    public static RollbackOptions steps(int steps) {
        return new RollbackOptions(steps, Optional.empty());
    }

    public static RollbackOptions toTarget(String target) {
        return new RollbackOptions(1, Optional.of(target));
    }
}
