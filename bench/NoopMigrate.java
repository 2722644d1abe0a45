import dev.godwit.Godwit;
import dev.godwit.migrate.MigrateResult;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * In-process time of a no-op {@code migrate} (every migration already applied): load and checksum the files, open
 * the session, take the lock, read the history, compare, release. One {@link Godwit} instance, as an application
 * that migrates at start-up would hold; each call opens its own connections.
 *
 * <p>usage: {@code java -cp godwit.jar:CLASSES NoopMigrate URL DIR WARMUP RUNS}. Prints {@code key=value} lines for
 * run.sh: the first (cold) call, then over the RUNS calls after WARMUP more: the median and range of the wall time
 * around {@code migrate()} and the median of {@link MigrateResult#durationMs()}, all in milliseconds.
 */
public final class NoopMigrate {

    public static void main(String[] args) {
        String url = args[0];
        Path dir = Path.of(args[1]);
        int warmup = Integer.parseInt(args[2]);
        int runs = Integer.parseInt(args[3]);
        Godwit godwit = Godwit.configure().url(url).locations(dir.toString()).load();
        long first = timed(godwit)[0];
        for (int i = 0; i < warmup; i++) {
            timed(godwit);
        }
        long[] wall = new long[runs];
        long[] reported = new long[runs];
        for (int i = 0; i < runs; i++) {
            long[] t = timed(godwit);
            wall[i] = t[0];
            reported[i] = t[1];
        }
        Arrays.sort(wall);
        Arrays.sort(reported);
        System.out.println("first=" + first);
        System.out.println("median=" + wall[runs / 2]);
        System.out.println("min=" + wall[0]);
        System.out.println("max=" + wall[runs - 1]);
        System.out.println("reported_median=" + reported[runs / 2]);
    }

    /** Wall milliseconds around one no-op migrate, and the duration the result reports. */
    private static long[] timed(Godwit godwit) {
        long started = System.nanoTime();
        MigrateResult result = godwit.migrate();
        long ms = (System.nanoTime() - started) / 1_000_000;
        if (!result.nothingToDo() || result.upToDate() == 0) {
            throw new IllegalStateException("expected a no-op run, got " + result.applied().size() + " applied");
        }
        return new long[] {ms, result.durationMs()};
    }
}
