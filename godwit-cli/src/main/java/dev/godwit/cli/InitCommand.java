package dev.godwit.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

/** Writes {@code godwit.toml} and the migration directory, leaving whatever exists alone. */
@Command(name = "init", description = "Write godwit.toml and the migrations/ directory.")
final class InitCommand implements Callable<Integer> {

    private static final String TEMPLATE = """
            # Godwit configuration. Flags and GODWIT_* environment variables (or .env) override these.
            # Keys: url, user, password, dir, schema, table, lock_timeout.

            url = "jdbc:sqlite:godwit.db"
            dir = "migrations"
            # table = "godwit_history"
            # schema = "app"            # PostgreSQL: history and unqualified objects go here
            # lock_timeout = "5m"
            # Keep passwords out of this file: use GODWIT_PASSWORD or .env.
            """;

    @ParentCommand
    private GodwitCommand root;

    @Override
    public Integer call() {
        Output out = root.output();
        Path config = root.context.resolve(root.config != null ? root.config : Settings.CONFIG_FILE);
        Path dir = root.context.resolve(root.dir != null ? root.dir : "migrations");
        try {
            if (Files.exists(config)) {
                out.line("Kept " + config.getFileName() + " (exists).");
            } else {
                Files.writeString(config, TEMPLATE.replace("dir = \"migrations\"", "dir = \""
                        + root.context.workingDirectory().relativize(dir).toString().replace('\\', '/') + "\""));
                out.line("Wrote " + config.getFileName() + ".");
            }
            if (Files.isDirectory(dir)) {
                out.line("Kept " + dir.getFileName() + "/ (exists).");
            } else {
                Files.createDirectories(dir);
                out.line("Created " + root.context.workingDirectory().relativize(dir) + "/.");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + config + " or " + dir, e);
        }
        out.line("Next: `godwit new \"create users\"`, write the SQL, then `godwit migrate`.");
        if (out.json()) {
            out.document(java.util.Map.of("config", config.toString(), "dir", dir.toString()));
        }
        return 0;
    }
}
