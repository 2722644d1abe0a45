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

    /** The corpus directory, looked for beside the working directory and each of its parents. */
    public static Optional<Path> root() {
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
}
