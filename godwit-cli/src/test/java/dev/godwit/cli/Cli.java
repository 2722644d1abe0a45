package dev.godwit.cli;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;

/** Runs the CLI in-process in a working directory and environment of the test's choosing. */
final class Cli {

    private final Path workingDirectory;
    private final Map<String, String> env;
    private byte[] stdin = new byte[0];

    Cli(Path workingDirectory, Map<String, String> env) {
        this.workingDirectory = workingDirectory;
        this.env = env;
    }

    /** Gives the next runs this standard input. */
    Cli stdin(byte[] bytes) {
        this.stdin = bytes;
        return this;
    }

    Cli(Path workingDirectory) {
        this(workingDirectory, Map.of());
    }

    Result run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Main.run(args, new ByteArrayInputStream(stdin), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), env, workingDirectory);
        return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /** What one run printed and returned. */
    record Result(int exitCode, String out, String err) {
        @Override
        public String toString() {
            return "exit " + exitCode + "\n--- out\n" + out + "--- err\n" + err;
        }
    }
}
