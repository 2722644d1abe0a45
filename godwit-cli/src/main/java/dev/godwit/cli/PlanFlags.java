package dev.godwit.cli;

import dev.godwit.diff.Rename;
import dev.godwit.generate.DiffOptions;
import dev.godwit.plan.PlanOptions;
import java.util.List;
import picocli.CommandLine.Option;

/** The options every command that plans changes takes (`diff`, `generate`, `check`): a picocli mixin. */
final class PlanFlags {

    @Option(names = "--rename", paramLabel = "OLD=NEW", description = "A table (users=customers) or column "
            + "(users.name=full_name) renamed, not dropped and added (repeatable)")
    List<String> renames = List.of();

    @Option(names = "--concurrent-indexes", description = "PostgreSQL: CREATE/DROP INDEX CONCURRENTLY, outside the "
            + "transaction (does not block writes while an index builds; a generated migration is marked "
            + "-- godwit:no-transaction)")
    boolean concurrentIndexes;

    List<Rename> renames() {
        return renames.stream().map(Rename::parse).toList();
    }

    PlanOptions planOptions() {
        return new PlanOptions(concurrentIndexes);
    }

    /** These flags with the settings' {@code allow_drop}. */
    DiffOptions diffOptions(Settings settings) {
        return new DiffOptions(renames(), settings.allowDrop(), planOptions());
    }
}
