package dev.godwit.testkit;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;

/**
 * The shared test corpus (public schemas and diff cases), which lives beside the repository
 * ({@code ../shared/corpus}), not in it. Tests that need it are skipped with the reason when a checkout has none.
 */
public final class Corpus {

    private Corpus() {
    }

    /**
     * The corpus directory: {@code GODWIT_CORPUS} when set, else a {@code shared/corpus} beside the working directory
     * or one of its parents.
     */
    public static Optional<Path> root() {
        String configured = System.getenv("GODWIT_CORPUS");
        if (configured != null && !configured.isBlank() && Files.isDirectory(Path.of(configured))) {
            return Optional.of(Path.of(configured));
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path corpus = dir.resolve("shared/corpus");
            if (Files.isDirectory(corpus)) {
                return Optional.of(corpus);
            }
        }
        return Optional.empty();
    }

    /** {@code schemas/<name>/schema.sql}; aborts (skips) the calling test when it is not there. */
    public static Path schema(String name) {
        Optional<Path> file = root().map(r -> r.resolve("schemas").resolve(name).resolve("schema.sql"))
                .filter(Files::isRegularFile);
        Assumptions.assumeTrue(file.isPresent(), () -> "No shared/corpus/schemas/" + name + "/schema.sql beside "
                + "this checkout or above it (the corpus is not part of the repository)");
        return file.get();
    }

    /** {@code dumps/<name>} (such as {@code chinook-sqlite.sql.xz}); aborts (skips) the test when it is not there. */
    public static Path dump(String name) {
        Optional<Path> file = root().map(r -> r.resolve("dumps").resolve(name)).filter(Files::isRegularFile);
        Assumptions.assumeTrue(file.isPresent(), () -> "No shared/corpus/dumps/" + name + " beside this checkout or "
                + "above it (the corpus is not part of the repository)");
        return file.get();
    }

    /**
     * The schema files ({@code from.sql}, {@code to.sql}) of every diff case for a dialect, as
     * {@code suite/case/file}; empty when there is no corpus.
     */
    public static java.util.List<Path> diffCaseFiles(String dialect) {
        Optional<Path> cases = root().map(r -> r.resolve("diff-cases"));
        if (cases.isEmpty() || !Files.isDirectory(cases.get())) {
            return java.util.List.of();
        }
        try (java.util.stream.Stream<Path> metas = Files.walk(cases.get(), 3)) {
            return metas.filter(p -> p.getFileName().toString().equals("meta.json"))
                    .filter(p -> read(p).matches("(?s).*\"dialect\"\\s*:\\s*\"" + dialect + "\".*"))
                    .flatMap(p -> java.util.stream.Stream.of(p.resolveSibling("from.sql"), p.resolveSibling("to.sql")))
                    .filter(Files::isRegularFile)
                    .sorted()
                    .toList();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Every diff case directory for a dialect ({@code .../diff-cases/migra/enumdeps}), sorted; empty without a corpus. */
    public static java.util.List<Path> diffCases(String dialect) {
        return diffCaseFiles(dialect).stream().map(Path::getParent).distinct().toList();
    }

    /** The project's own scenario directories under {@code root} (each holding from.sql and to.sql), sorted. */
    public static java.util.List<Path> scenarios(Path root) {
        if (!Files.isDirectory(root)) {
            return java.util.List.of();
        }
        try (java.util.stream.Stream<Path> files = Files.walk(root, 3)) {
            return files.filter(p -> p.getFileName().toString().equals("to.sql")).map(Path::getParent).sorted()
                    .toList();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** A case file's name for test output: {@code migra/collations/to.sql}. */
    public static String label(Path caseFile) {
        int n = caseFile.getNameCount();
        return caseFile.subpath(n - 3, n).toString();
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
