package dev.godwit.cli;

import dev.godwit.Fleet;
import dev.godwit.migrate.MigrateResult;
import dev.godwit.migrate.MigrationListener;
import dev.godwit.migrate.MigrationRun;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * How {@code migrate} and {@code status} report on many targets ({@link FleetFlags}): a line per target and a
 * summary, or one JSON document with an entry per target; progress lines carry the target's name.
 */
final class FleetReport {

    private FleetReport() {
    }

    /** A progress line per migration applied, prefixed with the target's name. */
    static MigrationListener progress(Output out, String name) {
        return new MigrationListener() {
            @Override
            public void finished(MigrationRun run, Direction direction) {
                out.line(name + ": applied " + run.id() + " (" + run.durationMs() + " ms)");
            }
        };
    }

    /**
     * Prints the outcomes, each result as {@code summary} words it.
     *
     * @return the exit code of the first failed target, else 0
     */
    static <T> int report(Output out, List<Fleet.Outcome<T>> outcomes, Function<T, String> summary, String noun) {
        long failed = outcomes.stream().filter(Fleet.Outcome::failed).count();
        if (out.json()) {
            List<Map<String, Object>> docs = new ArrayList<>();
            for (Fleet.Outcome<T> o : outcomes) {
                Map<String, Object> doc = new LinkedHashMap<>();
                doc.put("target", o.name());
                o.result().ifPresent(r -> doc.put(noun, r));
                o.failure().ifPresent(f -> doc.put("error", Map.of("code", f.code().id(), "exitCode",
                        f.code().exitCode(), "message", f.getMessage())));
                docs.add(doc);
            }
            out.document(Map.of("targets", docs, "failed", failed));
        } else {
            for (Fleet.Outcome<T> o : outcomes) {
                out.line(o.name() + ": " + o.result().map(summary)
                        .orElseGet(() -> "FAILED: " + o.failure().orElseThrow().getMessage()));
            }
            out.line(outcomes.size() + " targets: " + (outcomes.size() - failed) + " done, " + failed + " failed.");
        }
        return outcomes.stream().filter(Fleet.Outcome::failed).findFirst()
                .map(o -> o.failure().orElseThrow().code().exitCode()).orElse(0);
    }

    /** One target's migrate result in words. */
    static String migrated(MigrateResult result) {
        return result.nothingToDo() ? "up to date (" + result.upToDate() + " applied)"
                : (result.dryRun() ? "would apply " : "applied ") + MigrateCommand.plural(result.applied().size())
                + " in " + result.durationMs() + " ms";
    }
}
