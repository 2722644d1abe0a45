package dev.godwit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Dependencies point one way (DESIGN.md): model and error import nothing of ours, plan imports those two, dialect
 * imports plan, model and error, migrate imports dialect, model and error; source reads states with migrate, dialect, diff and snapshot; generate plans and writes over source; restore streams scripts through dialect; only the facade package wires everything. Core imports no driver or CLI library; jackson-core's streaming API is allowed in the snapshot package only.
 */
class DependencyDirectionTest {

    private static final Path SOURCES = Path.of("src/main/java/dev/godwit");
    private static final Pattern IMPORT = Pattern.compile("^import (?:static )?([\\w.]+)\\.[\\w*]+;", Pattern.MULTILINE);
    private static final Map<String, Set<String>> ALLOWED = Map.of(
            "model", Set.of("model"),
            "error", Set.of("error"),
            "diff", Set.of("diff", "model", "error"),
            "plan", Set.of("plan", "diff", "model", "error"),
            "dialect", Set.of("dialect", "plan", "diff", "model", "error"),
            "snapshot", Set.of("snapshot", "model", "error"),
            "migrate", Set.of("migrate", "dialect", "model", "error"),
            "source", Set.of("source", "migrate", "dialect", "diff", "snapshot", "model", "error"),
            "restore", Set.of("restore", "dialect", "error"),
            "generate", Set.of("generate", "source", "migrate", "dialect", "plan", "diff", "snapshot", "model",
                    "error"));
    private static final List<String> FOREIGN = List.of("org.postgresql", "org.sqlite", "picocli",
            "com.fasterxml");

    @Test
    void packagesImportOnlyDownstream() throws IOException {
        List<String> violations = new ArrayList<>();
        List<Path> files;
        try (Stream<Path> walk = Files.walk(SOURCES)) {
            files = walk.filter(p -> p.toString().endsWith(".java")).toList();
        }
        assertTrue(files.size() > 20, "found the sources: " + files.size());
        for (Path file : files) {
            String pkg = packageOf(file);
            String text = Files.readString(file);
            Matcher m = IMPORT.matcher(text);
            while (m.find()) {
                String imported = m.group(1);
                boolean streamingJsonInSnapshot = pkg.equals("snapshot") && imported.startsWith("com.fasterxml.jackson.core");
                if (FOREIGN.stream().anyMatch(imported::startsWith) && !streamingJsonInSnapshot) {
                    violations.add(file + " imports " + imported);
                }
                if (imported.startsWith("dev.godwit") && ALLOWED.containsKey(pkg)) {
                    String target = imported.equals("dev.godwit") ? "" : imported.substring("dev.godwit.".length())
                            .split("\\.")[0];
                    if (!ALLOWED.get(pkg).contains(target)) {
                        violations.add(file + " (" + pkg + ") imports " + imported);
                    }
                }
            }
        }
        assertEquals(List.of(), violations);
    }

    private static String packageOf(Path file) {
        Path relative = SOURCES.relativize(file);
        return relative.getNameCount() == 1 ? "" : relative.getName(0).toString();
    }
}
