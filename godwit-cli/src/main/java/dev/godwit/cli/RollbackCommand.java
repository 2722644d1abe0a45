package dev.godwit.cli;

import dev.godwit.migrate.RollbackOptions;
import dev.godwit.migrate.RollbackResult;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** Runs the down sections of the newest applied migrations. */
@Command(name = "rollback", description = "Run the down sections of the newest applied migrations.")
final class RollbackCommand implements Callable<Integer> {

    @ArgGroup(exclusive = true)
    How how;

    /** --steps and --target exclude each other. */
    static final class How {
        @Option(names = "--steps", paramLabel = "N", description = "How many to roll back (default 1)")
        Integer steps;

        @Option(names = "--target", paramLabel = "ID", description = "Roll back everything applied after ID")
        String target;
    }

    @ParentCommand
    private GodwitCommand root;

    @Override
    public Integer call() {
        Output out = root.output();
        int steps = how == null || how.steps == null ? 1 : how.steps;
        if (steps < 1) {
            throw GodwitCommand.usage("--steps must be 1 or more, was " + steps + ".");
        }
        RollbackOptions options = new RollbackOptions(steps, Optional.ofNullable(how == null ? null : how.target));
        RollbackResult result = root.settings().configure().listener(MigrateCommand.progress(out)).load()
                .rollback(options);
        if (out.json()) {
            out.document(result);
        } else if (result.rolledBack().isEmpty()) {
            out.line("Nothing to roll back.");
        } else {
            out.line("Rolled back " + MigrateCommand.plural(result.rolledBack().size()) + " in "
                    + result.durationMs() + " ms.");
        }
        return 0;
    }
}
