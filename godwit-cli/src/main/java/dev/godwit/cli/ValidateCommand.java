package dev.godwit.cli;

import dev.godwit.error.ErrorCode;
import dev.godwit.migrate.MigrationStatus;
import dev.godwit.migrate.ValidateResult;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

/** Checks that applied migrations match their files and none is marked failed; exits 1 when one does not. */
@Command(name = "validate", description = "Check applied migrations against their files; change nothing.")
final class ValidateCommand implements Callable<Integer> {

    @ParentCommand
    private GodwitCommand root;

    @Override
    public Integer call() {
        Output out = root.output();
        ValidateResult result = root.settings().configure().load().validate();
        if (out.json()) {
            java.util.Map<String, Object> doc = new java.util.LinkedHashMap<>();
            doc.put("valid", result.valid());
            doc.put("problems", result.problems());
            doc.put("warnings", result.warnings());
            out.document(doc);
        } else {
            for (MigrationStatus w : result.warnings()) {
                out.warn(w.id() + ": " + w.detail().orElse(w.state().name()));
            }
            if (result.valid()) {
                out.line("Valid: the applied migrations match their files.");
            } else {
                for (MigrationStatus p : result.problems()) {
                    root.context.err().println("error: " + p.id() + " is " + p.state().name().toLowerCase(
                            java.util.Locale.ROOT) + ": " + p.detail().orElse(""));
                }
            }
        }
        return result.valid() ? 0 : ErrorCode.VALIDATION.exitCode();
    }
}
