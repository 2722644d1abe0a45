import dev.godwit.Godwit;
import dev.godwit.migrate.MigrateResult;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * In-process time of a no-op {@code migrate} (every migration already applied): load and checksum the files, take
 * the lock, read the history, compare. Run with the CLI jar on the class path:
 * {@code java -cp godwit-cli/target/godwit.jar bench/NoopMigrate.java URL DIR RUNS}.
 */
public class NoopMigrate {
    public static void main(String[] args) {
        String url = args[0];
        Path dir = Path.of(args[1]);
        int runs = Integer.parseInt(args[2]);
        Godwit godwit = Godwit.configure().url(url).locations(dir.toString()).load();
        long[] ms = new long[runs];
        for (int i = 0; i < runs; i++) {
            long started = System.nanoTime();
            MigrateResult result = godwit.migrate();
            ms[i] = (System.nanoTime() - started) / 1_000_000;
            if (!result.nothingToDo() || result.upToDate() == 0) {
                throw new IllegalStateException("expected a no-op run, got " + result.applied().size() + " applied");
            }
        }
        long[] sorted = ms.clone();
        Arrays.sort(sorted);
        System.out.println("first=" + ms[0] + " median=" + sorted[runs / 2] + " min=" + sorted[0]);
    }
}
