package dev.godwit.dialect;

import java.time.Duration;
import java.util.Optional;

/**
 * What a migration session needs set before the first migration runs.
 *
 * @param schema      where unqualified objects go, when configured
 * @param lockTimeout how long a statement may wait for a lock another session holds
 */
public record SessionOptions(Optional<String> schema, Duration lockTimeout) {
}
