package dev.godwit.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;

/** The {@code godwit} command. */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    /** Runs one command line with the process's environment and working directory; returns the exit code. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        return run(args, out, err, System.getenv(), Path.of("").toAbsolutePath());
    }

    /** Runs one command line in the given environment and working directory; returns the exit code. */
    public static int run(String[] args, PrintStream out, PrintStream err, Map<String, String> env,
                          Path workingDirectory) {
        return GodwitCommand.execute(args, new CliContext(out, err, Map.copyOf(env), workingDirectory,
                Clock.systemUTC()));
    }
}
