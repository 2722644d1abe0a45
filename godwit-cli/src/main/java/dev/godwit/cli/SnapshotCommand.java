package dev.godwit.cli;

import dev.godwit.Godwit;
import dev.godwit.GodwitConfig;
import dev.godwit.error.ErrorCode;
import dev.godwit.error.GodwitException;
import dev.godwit.snapshot.Snapshot;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * Writes the schema snapshot ({@code <dir>/.godwit/snapshot.json}) keyed to the newest applied migration. Without
 * {@code --reflect} the database must be at the newest migration, so the snapshot is the state the migrations make.
 */
@Command(name = "snapshot", description = "Write the schema snapshot (the state at the newest migration).")
final class SnapshotCommand implements Callable<Integer> {

    @Option(names = "--reflect", description = "Save the database as it is, even with migrations pending")
    boolean reflect;

    @Option(names = {"-o", "--out"}, paramLabel = "FILE", description = "Write here instead of the configured file")
    String out;

    @ParentCommand
    private GodwitCommand root;

    @Override
    public Integer call() {
        Output output = root.output();
        Godwit godwit = root.settings().configure().load();
        GodwitConfig config = godwit.config();
        Path file = out != null ? root.context.resolve(out) : config.snapshotFile().orElseThrow(() ->
                new GodwitException(ErrorCode.USAGE, "No snapshot file is configured (snapshot = off). Pass --out FILE."));
        Optional<Snapshot> written = godwit.saveSnapshot(file, !reflect);
        if (written.isEmpty()) {
            throw new GodwitException(ErrorCode.GENERAL, "The " + godwit.dialect().name() + " dialect cannot read a "
                    + "schema yet, so there is no snapshot to write.");
        }
        Path shown = root.context.workingDirectory().relativize(file.toAbsolutePath());
        String revision = written.get().revision().orElse("(no migrations)");
        if (output.json()) {
            output.document(Map.of("file", shown.toString(), "revision", revision));
        } else {
            output.line("Wrote " + shown + " (revision " + revision + ").");
        }
        return 0;
    }
}
