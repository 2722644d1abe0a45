package dev.godwit.cli;

import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;

/** The {@code godwit} command. */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.in, System.out, System.err, System.getenv(), Path.of("").toAbsolutePath()));
    }

    /** Runs one command line with the process's environment and working directory; returns the exit code. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        return run(args, out, err, System.getenv(), Path.of("").toAbsolutePath());
    }

    /** Runs one command line in the given environment and working directory, with no standard input. */
    public static int run(String[] args, PrintStream out, PrintStream err, Map<String, String> env,
                          Path workingDirectory) {
        return run(args, InputStream.nullInputStream(), out, err, env, workingDirectory);
    }

    /** Runs one command line with these streams, environment and working directory; returns the exit code. */
    public static int run(String[] args, InputStream in, PrintStream out, PrintStream err, Map<String, String> env,
                          Path workingDirectory) {
        return GodwitCommand.execute(args, new CliContext(in, out, err, Map.copyOf(env), workingDirectory,
                Clock.systemUTC()));
    }
}
