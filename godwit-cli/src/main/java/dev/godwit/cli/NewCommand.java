package dev.godwit.cli;

import dev.godwit.generate.MigrationFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** Writes a new, empty migration file named {@code <yyyyMMddHHmmss>_<slug>.sql} (UTC) with up and down sections. */
@Command(name = "new", description = "Write a new, empty migration file with up and down sections.")
final class NewCommand implements Callable<Integer> {

    @Parameters(arity = "1..*", paramLabel = "DESCRIPTION", description = "What the migration does")
    List<String> words;

    @ParentCommand
    private GodwitCommand root;

    @Override
    public Integer call() throws IOException {
        Settings settings = root.settings();
        String description = String.join(" ", words).strip();
        Files.createDirectories(settings.dir());
        Path file = MigrationFiles.next(settings.dir(), description, root.context.clock());
        Files.writeString(file, "-- " + description + "\n-- godwit:up\n\n\n-- godwit:down\n\n");
        Path shown = root.context.workingDirectory().relativize(file);
        Output out = root.output();
        out.line("Wrote " + shown);
        if (out.json()) {
            out.document(java.util.Map.of("file", shown.toString()));
        }
        return 0;
    }
}
