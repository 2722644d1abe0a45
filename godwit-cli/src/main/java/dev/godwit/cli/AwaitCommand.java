package dev.godwit.cli;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** Waits until the database accepts connections: for a deploy script that starts the database and migrates. */
@Command(name = "await", description = "Wait until the database accepts connections.")
final class AwaitCommand implements Callable<Integer> {

    @Option(names = "--timeout", paramLabel = "DURATION", description = "Give up after this long (default 60s)")
    String timeout = "60s";

    @ParentCommand
    private GodwitCommand root;

    @Override
    public Integer call() {
        Output out = root.output();
        Settings settings = root.settings();
        Duration took = settings.configure().load().awaitDatabase(Settings.duration(timeout),
                Duration.ofMillis(500));
        if (out.json()) {
            out.document(Map.of("ready", true, "waitedMs", took.toMillis()));
        } else {
            out.line(settings.displayUrl() + " accepts connections (waited " + took.toMillis() + " ms).");
        }
        return 0;
    }
}
