package dev.godwit.cli;

import dev.godwit.migrate.RepairResult;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

/** Clears failed rows and accepts the current text of changed applied migrations. */
@Command(name = "repair", description = "Clear failed migrations from the history and accept changed files.")
final class RepairCommand implements Callable<Integer> {

    @ParentCommand
    private GodwitCommand root;

    @Override
    public Integer call() {
        Output out = root.output();
        RepairResult result = root.settings().configure().load().repair();
        if (out.json()) {
            out.document(result);
            return 0;
        }
        result.clearedFailures().forEach(id -> out.line("Cleared the failed mark of " + id
                + ": it is pending again."));
        result.realigned().forEach(id -> out.line("Accepted the current text of " + id + "."));
        if (result.clearedFailures().isEmpty() && result.realigned().isEmpty()) {
            out.line("Nothing to repair.");
        }
        return 0;
    }
}
