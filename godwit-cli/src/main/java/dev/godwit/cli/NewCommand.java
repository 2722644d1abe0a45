package dev.godwit.cli;

import dev.godwit.error.ErrorCode;
import dev.godwit.error.GodwitException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** Writes a new, empty migration file named {@code <yyyyMMddHHmmss>_<slug>.sql} (UTC) with up and down sections. */
@Command(name = "new", description = "Write a new, empty migration file with up and down sections.")
final class NewCommand implements Callable<Integer> {

    private static final DateTimeFormatter ID = DateTimeFormatter.ofPattern("yyyyMMddHHmmss");

    @Parameters(arity = "1..*", paramLabel = "DESCRIPTION", description = "What the migration does")
    List<String> words;

    @ParentCommand
    private GodwitCommand root;

    @Override
    public Integer call() throws IOException {
        Settings settings = root.settings();
        String description = String.join(" ", words).strip();
        String slug = description.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_").replaceAll("^_|_$", "");
        if (slug.isEmpty()) {
            throw new GodwitException(ErrorCode.USAGE, "The description '" + description + "' has no letters or "
                    + "digits to name the file with. Describe the change, e.g. `godwit new add email to users`.");
        }
        Files.createDirectories(settings.dir());
        LocalDateTime time = LocalDateTime.now(root.context.clock());
        Path file;
        do {
            // Two files made in the same second get consecutive ids, so their order is still their creation order.
            file = settings.dir().resolve(ID.format(time) + "_" + slug + ".sql");
            time = time.plusSeconds(1);
        } while (Files.exists(file) || sameSecondExists(settings.dir(), file));
        Files.writeString(file, "-- " + description + "\n-- godwit:up\n\n\n-- godwit:down\n\n");
        Path shown = root.context.workingDirectory().relativize(file);
        Output out = root.output();
        out.line("Wrote " + shown);
        if (out.json()) {
            out.document(java.util.Map.of("file", shown.toString()));
        }
        return 0;
    }

    private static boolean sameSecondExists(Path dir, Path file) throws IOException {
        String prefix = file.getFileName().toString().substring(0, 15);
        try (var files = Files.list(dir)) {
            return files.anyMatch(f -> f.getFileName().toString().startsWith(prefix));
        }
    }
}
