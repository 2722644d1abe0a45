package dev.godwit.cli;

import dev.godwit.Fleet;
import dev.godwit.Godwit;
import dev.godwit.error.ErrorCode;
import dev.godwit.error.GodwitException;
import dev.godwit.error.Redaction;
import dev.godwit.migrate.MigrateOptions;
import dev.godwit.migrate.MigrateResult;
import dev.godwit.migrate.MigrationListener;
import dev.godwit.migrate.MigrationRun;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * {@code migrate --schemas PATTERN} and {@code migrate --targets FILE}: the same migrations applied to many tenant
 * schemas of one database, or to many databases, on {@code --jobs} threads ({@link Fleet}). Each target keeps its
 * own history and lock; progress lines carry the target's name. No snapshot is written: the targets' states would
 * overwrite one another in the one snapshot file.
 */
final class FleetMigrate {

    private FleetMigrate() {
    }

    static int run(Output out, Settings settings, MigrateOptions options, String schemas, Path targetsFile, int jobs) {
        List<Fleet.Target> targets = new ArrayList<>();
        if (schemas != null) {
            for (String schema : matchingSchemas(settings, schemas)) {
                targets.add(new Fleet.Target(schema, settings.configure().schema(schema).noSnapshot()
                        .listener(progress(out, schema)).load()));
            }
        }
        if (targetsFile != null) {
            for (String url : urls(targetsFile)) {
                String name = Redaction.url(url);
                targets.add(new Fleet.Target(name, settings.configure().url(settings.anchored(url),
                        settings.user().orElse(null), settings.password().orElse(null)).noSnapshot()
                        .listener(progress(out, name)).load()));
            }
        }
        List<Fleet.Outcome> outcomes = Fleet.migrate(targets, options, jobs);
        return report(out, outcomes);
    }

    private static List<String> matchingSchemas(Settings settings, String patterns) {
        List<Pattern> globs = new ArrayList<>();
        for (String glob : patterns.split(",")) {
            if (!glob.isBlank()) {
                globs.add(glob(glob.strip()));
            }
        }
        List<String> schemas = settings.configure().load().userSchemas().stream()
                .filter(s -> globs.stream().anyMatch(g -> g.matcher(s).matches())).sorted().toList();
        if (schemas.isEmpty()) {
            throw new GodwitException(ErrorCode.USAGE, "No schema of " + settings.displayUrl() + " matches --schemas "
                    + patterns + ". Create the tenants' schemas first (Godwit migrates them; it does not make them).");
        }
        return schemas;
    }

    /** A shell-style pattern: {@code *} any run of characters, {@code ?} one; everything else literal. */
    static Pattern glob(String glob) {
        StringBuilder regex = new StringBuilder();
        for (char c : glob.toCharArray()) {
            regex.append(c == '*' ? ".*" : c == '?' ? "." : Pattern.quote(String.valueOf(c)));
        }
        return Pattern.compile(regex.toString());
    }

    /** The JDBC URLs of a targets file: one per line; blank lines and lines starting with # left out. */
    private static List<String> urls(Path file) {
        List<String> urls;
        try {
            urls = Files.readAllLines(file).stream().map(String::strip)
                    .filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
        } catch (IOException e) {
            throw new GodwitException(ErrorCode.USAGE, "Cannot read the targets file " + file + ": " + e.getMessage()
                    + ". It lists one JDBC URL per line.", e);
        }
        if (urls.isEmpty()) {
            throw new GodwitException(ErrorCode.USAGE, "The targets file " + file + " lists no JDBC URL.");
        }
        return urls;
    }

    private static MigrationListener progress(Output out, String name) {
        return new MigrationListener() {
            @Override
            public void finished(MigrationRun run, Direction direction) {
                out.line(name + ": applied " + run.id() + " (" + run.durationMs() + " ms)");
            }
        };
    }

    /** One line per target and a summary, or one JSON document; the exit code of the first failed target, else 0. */
    private static int report(Output out, List<Fleet.Outcome> outcomes) {
        long failed = outcomes.stream().filter(Fleet.Outcome::failed).count();
        if (out.json()) {
            List<Map<String, Object>> docs = new ArrayList<>();
            for (Fleet.Outcome o : outcomes) {
                Map<String, Object> doc = new LinkedHashMap<>();
                doc.put("target", o.name());
                o.result().ifPresent(r -> doc.put("result", r));
                o.failure().ifPresent(f -> doc.put("error", Map.of("code", f.code().id(), "exitCode",
                        f.code().exitCode(), "message", f.getMessage())));
                docs.add(doc);
            }
            out.document(Map.of("targets", docs, "failed", failed));
        } else {
            for (Fleet.Outcome o : outcomes) {
                out.line(o.name() + ": " + o.result().map(FleetMigrate::summary)
                        .orElseGet(() -> "FAILED: " + o.failure().orElseThrow().getMessage()));
            }
            out.line(outcomes.size() + " targets: " + (outcomes.size() - failed) + " migrated or up to date, "
                    + failed + " failed.");
        }
        return outcomes.stream().filter(Fleet.Outcome::failed).findFirst()
                .map(o -> o.failure().orElseThrow().code().exitCode()).orElse(0);
    }

    private static String summary(MigrateResult result) {
        return result.nothingToDo() ? "up to date (" + result.upToDate() + " applied)"
                : (result.dryRun() ? "would apply " : "applied ") + MigrateCommand.plural(result.applied().size())
                + " in " + result.durationMs() + " ms";
    }
}
