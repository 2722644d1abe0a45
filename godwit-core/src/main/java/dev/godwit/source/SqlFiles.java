package dev.godwit.source;

import dev.godwit.diff.Rename;
import dev.godwit.dialect.SessionOptions;
import dev.godwit.dialect.SqlStatement;
import dev.godwit.error.ErrorCode;
import dev.godwit.error.GodwitException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A {@code .sql} file, or a folder of them read in the order of their sorted paths (hidden folders skipped), loaded
 * into a scratch database and read back: the database, not Godwit, decides what the SQL means. Lines
 * {@code -- godwit:rename old=new} are collected as {@link Rename} hints.
 */
public record SqlFiles(Path path) implements SchemaSource {

    private static final Pattern RENAME = Pattern.compile("^\\s*--\\s*godwit:rename\\s+(.*?)\\s*$",
            Pattern.MULTILINE);

    public SqlFiles {
        Objects.requireNonNull(path, "path");
    }

    @Override
    public String describe() {
        return path.toString();
    }

    @Override
    public SchemaState resolve(SourceSettings settings) {
        List<Path> files = files(settings);
        List<String> texts = new ArrayList<>();
        List<Rename> renames = new ArrayList<>();
        for (Path file : files) {
            String text = read(file, settings);
            texts.add(text);
            renames.addAll(renames(text));
        }
        String shown = settings.display(path);
        try (ScratchDatabase scratch = ScratchDatabase.create(settings, "load " + shown)) {
            try (Connection c = scratch.connections().open(); Statement s = c.createStatement()) {
                // As a migration session would: unqualified names go to the configured schema.
                scratch.dialect().prepareSession(c, new SessionOptions(settings.schema(), Duration.ofMinutes(1)));
                for (int i = 0; i < files.size(); i++) {
                    load(scratch, s, settings.display(files.get(i)), texts.get(i));
                }
            } catch (SQLException e) {
                throw new GodwitException(ErrorCode.CONNECTION, "Cannot use the scratch database to load " + shown
                        + ": " + scratch.dialect().describe(e) + ".", e);
            }
            return new SchemaState(scratch.inspect(settings), renames, Optional.empty(), "SQL " + shown + " ("
                    + files.size() + (files.size() == 1 ? " file" : " files") + ", loaded into a scratch "
                    + scratch.dialect().name() + " database)");
        }
    }

    /** The rename hints of one script, in order. */
    static List<Rename> renames(String text) {
        List<Rename> hints = new ArrayList<>();
        Matcher m = RENAME.matcher(text);
        while (m.find()) {
            for (String hint : m.group(1).split("[,\\s]+")) {
                if (!hint.isBlank()) {
                    hints.add(Rename.parse(hint));
                }
            }
        }
        return hints;
    }

    private static void load(ScratchDatabase scratch, Statement s, String file, String text) {
        for (SqlStatement statement : scratch.dialect().splitter().split(text)) {
            try {
                s.execute(statement.sql());
            } catch (SQLException e) {
                throw new GodwitException(ErrorCode.MIGRATION_SOURCE, file + ":" + statement.line() + " does not "
                        + "load into a scratch " + scratch.dialect().name() + " database: "
                        + scratch.dialect().describe(e) + (e.getSQLState() == null ? "" : " [SQLState "
                        + e.getSQLState() + "]") + ". Fix the statement; the desired schema must run as written.",
                        e);
            }
        }
    }

    private List<Path> files(SourceSettings settings) {
        if (Files.isRegularFile(path)) {
            return List.of(path);
        }
        if (!Files.isDirectory(path)) {
            throw new GodwitException(ErrorCode.USAGE, "The schema source " + settings.display(path) + " does not "
                    + "exist. Give an existing .sql file or folder.");
        }
        try (Stream<Path> walk = Files.walk(path)) {
            List<Path> files = walk.filter(p -> p.getFileName().toString().endsWith(".sql"))
                    .filter(p -> !hidden(path.relativize(p)))
                    .filter(Files::isRegularFile).sorted().toList();
            if (files.isEmpty()) {
                throw new GodwitException(ErrorCode.USAGE, "The folder " + settings.display(path) + " holds no .sql "
                        + "file. Put the desired schema in .sql files there.");
            }
            return files;
        } catch (IOException | UncheckedIOException e) {
            throw new GodwitException(ErrorCode.MIGRATION_SOURCE, "Cannot list " + settings.display(path) + ": "
                    + e.getMessage(), e);
        }
    }

    private static boolean hidden(Path relative) {
        for (Path part : relative) {
            if (part.toString().startsWith(".")) {
                return true;
            }
        }
        return false;
    }

    private static String read(Path file, SourceSettings settings) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new GodwitException(ErrorCode.MIGRATION_SOURCE, "Cannot read " + settings.display(file) + ": "
                    + e.getMessage() + ". Save it as UTF-8.", e);
        }
    }
}
