package dev.godwit.cli;

import dev.godwit.generate.GenerateOptions;
import dev.godwit.generate.GenerateResult;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * Writes the next migration: from the state the migrations make (the snapshot when current; else the database at
 * --url when every migration is applied to it; else the migrations replayed into a scratch database) to the desired
 * schema, with up and down sections; then saves the desired schema as the snapshot at the new migration.
 */
@Command(name = "generate", description = "Write the migration from the migrations' state to the desired schema "
        + "(--to SRC, default schema.sql).")
final class GenerateCommand implements Callable<Integer> {

    @Parameters(arity = "1..*", paramLabel = "DESCRIPTION", description = "What the migration does")
    List<String> words;

    @Mixin
    PlanFlags plan = new PlanFlags();

    @ParentCommand
    private GodwitCommand root;

    @Override
    public Integer call() {
        Output out = root.output();
        Settings settings = root.settings();
        String description = String.join(" ", words).strip();
        GenerateResult result = settings.configure().load().generate(description, settings.desiredSource(),
                new GenerateOptions(plan.renames(), settings.allowDrop(), settings.url().isPresent(),
                        root.context.clock(), plan.planOptions()));
        if (out.json()) {
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("file", result.file().map(this::shown).orElse(null));
            doc.put("id", result.id().orElse(null));
            doc.put("snapshot", result.snapshot().map(this::shown).orElse(null));
            doc.putAll(PlanReport.json(result.diff()));
            out.document(doc);
        } else if (result.nothingToDo()) {
            out.line("Nothing to generate: the migrations (" + result.diff().from().origin() + ") already make the "
                    + "desired schema.");
        } else {
            List<String> changes = PlanReport.changeLines(result.diff());
            out.line("Wrote " + shown(result.file().get()) + " (" + changes.size()
                    + (changes.size() == 1 ? " change" : " changes") + ", from " + result.diff().from().origin()
                    + "):");
            changes.forEach(c -> out.line("  " + c));
            result.snapshot().ifPresent(s -> out.line("Saved the desired schema as " + shown(s) + " at "
                    + result.id().get() + "."));
        }
        return 0;
    }

    private String shown(Path file) {
        return root.context.workingDirectory().relativize(file.toAbsolutePath().normalize()).toString();
    }
}
