import dev.godwit.model.Catalog;
import dev.godwit.snapshot.Snapshot;
import dev.godwit.snapshot.SnapshotWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Writes a project for the offline {@code godwit generate} benchmark: {@code migrations/} with one migration per
 * table (PostgreSQL DDL, never run: the snapshot is current), {@code migrations/.godwit/snapshot.json} at the newest
 * of them holding TABLES tables as {@link DiffBench} builds them, and {@code desired.json}, the same schema with 1%
 * of the tables changed.
 *
 * <p>usage: {@code java -cp godwit.jar:. GenerateProject DIR [TABLES=1000]}
 */
public final class GenerateProject {

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        int tables = args.length > 1 ? Integer.parseInt(args[1]) : 1000;
        Path migrations = dir.resolve("migrations");
        Files.createDirectories(migrations.resolve(".godwit"));
        String last = null;
        for (int i = 0; i < tables; i++) {
            // One id per second from 2026-01-01 00:00:00, as `godwit new` would have named them.
            long s = i;
            last = String.format("20260101%02d%02d%02d_create_t%d", s / 3600, s / 60 % 60, s % 60, i);
            Files.writeString(migrations.resolve(last + ".sql"), "-- godwit:up\nCREATE TABLE t" + i
                    + " (id bigint PRIMARY KEY);\n-- godwit:down\nDROP TABLE t" + i + ";\n");
        }
        Catalog current = DiffBench.catalog(tables, false);
        Catalog desired = DiffBench.catalog(tables, true);
        SnapshotWriter.write(new Snapshot(current, Optional.of(last)), migrations.resolve(".godwit/snapshot.json"));
        SnapshotWriter.write(new Snapshot(desired, Optional.empty()), dir.resolve("desired.json"));
        System.out.println("project=" + dir);
        System.out.println("migrations=" + tables);
    }
}
