package dev.godwit.cli;

import dev.godwit.Godwit;
import dev.godwit.dialect.InspectOptions;
import dev.godwit.model.Catalog;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * Prints the reflected schema: {@code --format sql} (the default) as CREATE statements in dependency order,
 * {@code json} as the snapshot, {@code mermaid} as an ER diagram.
 */
@Command(name = "inspect", description = "Print the database's schema (--format sql, json or mermaid).")
final class InspectCommand implements Callable<Integer> {

    @Option(names = "--only-schema", paramLabel = "SCHEMA", description = "Read only this schema (repeatable)")
    List<String> schemas = List.of();

    @Option(names = "--tables", paramLabel = "PATTERN", description = "Only objects whose name matches, e.g. 'order*'"
            + " (repeatable)")
    List<String> include = List.of();

    @Option(names = "--exclude", paramLabel = "PATTERN", description = "Leave out objects whose name matches")
    List<String> exclude = List.of();

    @ParentCommand
    private GodwitCommand root;

    @Override
    public Integer call() {
        Output out = root.output();
        Godwit godwit = root.settings().configure().load();
        Catalog catalog = godwit.inspect(new InspectOptions(schemas, include, exclude, Optional.empty()));
        GodwitCommand.Format format = root.format == null ? GodwitCommand.Format.sql : root.format;
        switch (format) {
            case text, sql -> godwit.createScript(catalog).forEach(statement -> root.context.out().println(
                    statement + ";\n"));
            case mermaid -> root.context.out().print(MermaidDiagram.of(catalog));
            case json -> root.context.out().print(Snapshots.json(catalog));
        }
        return 0;
    }
}
