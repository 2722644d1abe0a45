package dev.godwit.cli;

import dev.godwit.Fleet;
import dev.godwit.migrate.MigrateOptions;
import dev.godwit.migrate.MigrateResult;
import dev.godwit.migrate.MigrationListener;
import dev.godwit.migrate.MigrationRun;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * Applies pending migrations, or with {@code --dry-run} prints their SQL and changes nothing; with {@code --schemas}
 * or {@code --targets}, to many schemas or databases at once ({@link FleetFlags}).
 */
@Command(name = "migrate", description = "Apply pending migrations.")
final class MigrateCommand implements Callable<Integer> {

    @Option(names = "--target", paramLabel = "ID", description = "Apply only this migration and what it depends on")
    String target;

    @Option(names = "--dry-run", description = "Print the SQL that would run; change nothing")
    boolean dryRun;

    @Mixin
    FleetFlags fleet;

    @ParentCommand
    private GodwitCommand root;

    @Override
    public Integer call() {
        Output out = root.output();
        Settings settings = root.settings();
        MigrateOptions options = new MigrateOptions(Optional.ofNullable(target),
                dryRun ? MigrateOptions.Mode.DRY_RUN : MigrateOptions.Mode.APPLY);
        if (fleet.any()) {
            List<Fleet.Target> targets = fleet.targets(settings, root.context, name -> FleetReport.progress(out, name));
            return FleetReport.report(out, Fleet.migrate(targets, options, fleet.jobs), FleetReport::migrated,
                    "result");
        }
        MigrateResult result = settings.configure().listener(new Progress(out)).load().migrate(options);
        result.warnings().forEach(out::warn);
        if (out.json()) {
            out.document(result);
        } else if (result.dryRun()) {
            printPlan(out, result);
        } else if (result.nothingToDo()) {
            out.line("Nothing to migrate: " + settings.displayUrl() + " is up to date (" + result.upToDate()
                    + " applied).");
        } else {
            out.line("Applied " + plural(result.applied().size()) + " in " + result.durationMs() + " ms ("
                    + result.upToDate() + (result.upToDate() == 1 ? " was" : " were") + " already applied).");
        }
        return 0;
    }

    private static void printPlan(Output out, MigrateResult result) {
        if (result.nothingToDo()) {
            out.line("-- Nothing to migrate (" + result.upToDate() + " applied). Nothing was changed.");
            return;
        }
        out.line("-- Dry run: " + plural(result.applied().size()) + " would be applied. Nothing was changed.");
        for (MigrationRun run : result.applied()) {
            out.line("");
            out.line("-- " + run.id() + " (" + run.location() + ")"
                    + (run.transactionMode() == dev.godwit.migrate.TransactionMode.NON_TRANSACTIONAL
                    ? ", without a transaction" : ""));
            run.statements().forEach(sql -> out.line(sql + ";"));
        }
    }

    static String plural(int n) {
        return n + (n == 1 ? " migration" : " migrations");
    }

    /** One line per migration as it finishes, so a long run shows where it is. */
    private record Progress(Output out) implements MigrationListener {
        @Override
        public void finished(MigrationRun run, Direction direction) {
            out.line((direction == Direction.UP ? "Applied " : "Rolled back ") + run.id() + " ("
                    + run.durationMs() + " ms)");
        }
    }

    /** The listener for commands that run migrations. */
    static MigrationListener progress(Output out) {
        return new Progress(out);
    }
}
