package dev.godwit.cli;

import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;

/**
 * What the world gives one run of the command line: its streams, environment, working directory and clock. Tests
 * give their own, so the CLI is tested in-process through {@link Main#run}.
 */
record CliContext(InputStream in, PrintStream out, PrintStream err, Map<String, String> env, Path workingDirectory,
                  Clock clock) {

    /** A path as the user gave it, resolved against the working directory. */
    Path resolve(String path) {
        return workingDirectory.resolve(path).normalize();
    }
}
