package dev.godwit.cli;

import dev.godwit.Fleet;
import dev.godwit.error.ErrorCode;
import dev.godwit.error.GodwitException;
import dev.godwit.error.Redaction;
import dev.godwit.migrate.MigrationListener;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.regex.Pattern;
import picocli.CommandLine.Option;

/**
 * The options of the commands that work on many targets at once ({@code migrate}, {@code status}): tenant schemas by
 * pattern, or databases from a file; a picocli mixin. Each target is the configured settings with its schema or URL;
 * none writes the snapshot, since their states would overwrite one another in the one snapshot file.
 */
final class FleetFlags {

    @Option(names = "--schemas", paramLabel = "PATTERN[,PATTERN]",
            description = "Every existing schema whose name matches (tenant_*), each with its own history")
    String schemas;

    @Option(names = "--targets", paramLabel = "FILE", description = "Every database listed (a JDBC URL a line)")
    String targets;

    @Option(names = "--jobs", paramLabel = "N", description = "Targets worked on at once (default 4)")
    int jobs = 4;

    boolean any() {
        return schemas != null || targets != null;
    }

    /** The targets, in order: the matching schemas (sorted), then the file's databases. */
    List<Fleet.Target> targets(Settings settings, CliContext context, Function<String, MigrationListener> listener) {
        List<Fleet.Target> list = new ArrayList<>();
        if (schemas != null) {
            for (String schema : matchingSchemas(settings, schemas)) {
                list.add(new Fleet.Target(schema, settings.configure().schema(schema).noSnapshot()
                        .listener(listener.apply(schema)).load()));
            }
        }
        if (targets != null) {
            for (String url : urls(context.resolve(targets))) {
                String name = Redaction.url(url);
                list.add(new Fleet.Target(name, settings.configure().url(settings.anchored(url),
                        settings.user().orElse(null), settings.password().orElse(null)).noSnapshot()
                        .listener(listener.apply(name)).load()));
            }
        }
        return list;
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

}
