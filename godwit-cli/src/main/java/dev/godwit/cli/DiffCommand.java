package dev.godwit.cli;

import dev.godwit.generate.DiffResult;
import dev.godwit.GodwitConfig;
import dev.godwit.source.SchemaSource;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * Prints the SQL that turns FROM into TO; changes nothing. Statements that lose data are printed with a warning
 * comment (diff only shows; {@code generate} and {@code check} refuse them unless allowed).
 */
@Command(name = "diff", description = "Print the SQL that turns FROM into TO (--to SRC; default the desired schema).")
final class DiffCommand implements Callable<Integer> {

    @Option(names = "--from", paramLabel = "SRC", description = "Current schema: a JDBC URL, a .sql file or folder, "
            + "a snapshot .json, or migrations:DIR (default: the database at --url)")
    String from;

    @Option(names = "--exit-code", description = "Exit 2 when there are changes")
    boolean exitCode;

    @Mixin
    PlanFlags plan = new PlanFlags();

    @ParentCommand
    private GodwitCommand root;

    @Override
    public Integer call() {
        Output out = root.output();
        Settings settings = root.settings();
        SchemaSource fromSource = settings.source(from != null ? from
                : settings.url().orElse(GodwitConfig.DEFAULT_URL));
        DiffResult result = settings.configure().load().diff(fromSource, settings.desiredSource(),
                plan.diffOptions(settings));
        if (out.json()) {
            out.document(PlanReport.json(result));
        } else {
            int lost = result.dataLoss().size();
            if (lost > 0 && !settings.allowDrop()) {
                out.warn(lost + (lost == 1 ? " statement loses" : " statements lose") + " data; `godwit generate` "
                        + "and `godwit check` refuse that without --allow-drop.");
            }
            PlanReport.script(root.context.out(), result);
        }
        return exitCode && !result.isEmpty() ? 2 : 0;
    }

}
