package dev.godwit.cli;

import dev.godwit.Godwit;
import dev.godwit.error.ErrorCode;
import dev.godwit.error.GodwitException;
import dev.godwit.generate.DiffResult;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ParentCommand;

/**
 * For CI: do the migrations make the desired schema? Exit 0 when they do, 2 when changes are pending (listed),
 * 3 when the pending changes would lose data and that is not allowed. Reads the migrations' snapshot when current,
 * else replays them into a scratch database; never the configured database.
 */
@Command(name = "check", description = "Exit 2 when the migrations do not make the desired schema (--to SRC), "
        + "3 when the change needed would lose data.")
final class CheckCommand implements Callable<Integer> {

    @Mixin
    PlanFlags plan = new PlanFlags();

    @ParentCommand
    private GodwitCommand root;

    @Override
    public Integer call() {
        Output out = root.output();
        Settings settings = root.settings();
        Godwit godwit = settings.configure().load();
        DiffResult result = godwit.diff(godwit.migrations(), settings.desiredSource(),
                plan.diffOptions(settings));
        int code = result.isEmpty() ? 0 : !settings.allowDrop() && !result.dataLoss().isEmpty() ? 3 : 2;
        String status = code == 0 ? "in-sync" : code == 2 ? "pending" : "unsafe";
        if (out.json()) {
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("status", status);
            doc.put("exitCode", code);
            doc.putAll(PlanReport.json(result));
            out.document(doc);
            return code;
        }
        if (code == 0) {
            out.line("In sync: the migrations (" + result.from().origin() + ") make the desired schema ("
                    + result.to().origin() + ").");
            return 0;
        }
        List<String> changes = PlanReport.changeLines(result);
        out.line(changes.size() + (changes.size() == 1 ? " change is" : " changes are") + " pending: the migrations ("
                + result.from().origin() + ") do not make the desired schema (" + result.to().origin() + ").");
        changes.forEach(c -> out.line("  " + c));
        if (code == 3) {
            try {
                result.requireSafe(false);
            } catch (GodwitException e) {
                root.context.err().println("error: " + e.getMessage());
            }
            return ErrorCode.UNSAFE_CHANGE.exitCode();
        }
        out.line("Write the migration with `godwit generate <description>`.");
        return ErrorCode.DRIFT.exitCode();
    }
}
