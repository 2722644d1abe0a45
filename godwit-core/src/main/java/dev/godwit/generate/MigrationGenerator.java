package dev.godwit.generate;

import dev.godwit.dialect.Dialect;
import dev.godwit.dialect.Dialects;
import dev.godwit.diff.Diff;
import dev.godwit.diff.Rename;
import dev.godwit.diff.SchemaDiffer;
import dev.godwit.error.ErrorCode;
import dev.godwit.error.GodwitException;
import dev.godwit.plan.ChangeWriter;
import dev.godwit.plan.Plan;
import dev.godwit.plan.Planner;
import dev.godwit.snapshot.Snapshot;
import dev.godwit.snapshot.SnapshotWriter;
import dev.godwit.source.SchemaState;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Compares two resolved states with their dialect's differ and planner, and writes a plan as the next migration.
 * Stateless.
 */
public final class MigrationGenerator {

    private MigrationGenerator() {
    }

    /**
     * The plan that turns {@code from} into {@code to}.
     *
     * @throws GodwitException with {@code UNSUPPORTED} ("unsupported: ...") when the dialect cannot make a change, or
     *                         {@code USAGE} when the two states are of different database products
     */
    public static DiffResult diff(SchemaState from, SchemaState to, DiffOptions options) {
        String dialectName = to.catalog().dialect();
        if (!from.catalog().dialect().equals(dialectName)) {
            throw new GodwitException(ErrorCode.USAGE, "Cannot compare a " + from.catalog().dialect() + " schema ("
                    + from.origin() + ") with a " + dialectName + " schema (" + to.origin() + "): both sides must be "
                    + "of one database product. SQL files are loaded into a scratch database of the --url's product; "
                    + "point --url at a " + from.catalog().dialect() + " or " + dialectName + " database.");
        }
        ChangeWriter writer = writer(Dialects.named(dialectName)).with(options.plan());
        List<Rename> renames = new ArrayList<>(options.renames());
        renames.addAll(to.renames());
        renames.addAll(from.renames());
        Diff diff = new SchemaDiffer(writer.hooks(), renames).diff(from.catalog(), to.catalog());
        Plan plan = new Planner(writer).plan(diff);
        return new DiffResult(from, to, renames, diff, plan);
    }

    /**
     * Writes {@code result}'s plan as the next migration in {@code directory} and, when {@code snapshotFile} is
     * given, saves the desired state there at the new id. Writes nothing when the plan is empty.
     *
     * @throws GodwitException with {@code UNSAFE_CHANGE} when the plan loses data and that is not allowed
     */
    public static GenerateResult write(String description, DiffResult result, Path directory,
                                       Optional<Path> snapshotFile, GenerateOptions options) {
        if (result.isEmpty()) {
            return new GenerateResult(Optional.empty(), Optional.empty(), Optional.empty(), result);
        }
        result.requireSafe(options.allowDrop());
        Path file = MigrationFiles.next(directory, description, options.clock());
        String id = MigrationFiles.id(file);
        try {
            Files.createDirectories(directory);
            Files.writeString(file, MigrationWriter.text(description, result));
        } catch (IOException e) {
            throw new GodwitException(ErrorCode.GENERAL, "Cannot write the migration " + file + ": "
                    + e.getMessage(), e);
        }
        snapshotFile.ifPresent(s -> SnapshotWriter.write(new Snapshot(result.to().catalog(), Optional.of(id)), s));
        return new GenerateResult(Optional.of(file), Optional.of(id), snapshotFile, result);
    }

    private static ChangeWriter writer(Dialect dialect) {
        try {
            return dialect.changeWriter();
        } catch (UnsupportedOperationException e) {
            throw new GodwitException(ErrorCode.UNSUPPORTED, "unsupported: " + e.getMessage(), e);
        }
    }
}
