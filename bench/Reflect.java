import dev.godwit.Godwit;
import dev.godwit.dialect.InspectOptions;
import dev.godwit.model.Catalog;
import dev.godwit.snapshot.Snapshot;
import dev.godwit.snapshot.SnapshotReader;
import dev.godwit.snapshot.SnapshotWriter;
import java.lang.management.ManagementFactory;
import java.util.Arrays;
import java.util.Optional;

/**
 * In-process reflection benchmark: {@code java -Xmx256m -cp godwit-cli/target/godwit.jar bench/Reflect.java URL RUNS}.
 * Prints the median and minimum time to read the whole schema into the model, the time to write and read its
 * snapshot, and the heap in use after a full GC with the model held (run under -Xmx256m to prove the bound).
 */
public class Reflect {
    public static void main(String[] args) {
        Godwit godwit = Godwit.configure().url(args[0]).load();
        int runs = Integer.parseInt(args[1]);
        long[] reflect = new long[runs];
        long[] snapshot = new long[runs];
        Catalog catalog = null;
        for (int i = 0; i < runs; i++) {
            long t0 = System.nanoTime();
            catalog = godwit.inspect(InspectOptions.defaults());
            long t1 = System.nanoTime();
            String json = SnapshotWriter.toJson(new Snapshot(catalog, Optional.of("r")));
            Snapshot back = SnapshotReader.fromJson(json, "bench");
            long t2 = System.nanoTime();
            if (!back.catalog().equals(catalog)) {
                throw new IllegalStateException("snapshot round trip changed the model");
            }
            reflect[i] = (t1 - t0) / 1_000_000;
            snapshot[i] = (t2 - t1) / 1_000_000;
        }
        System.gc();
        long heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() / (1024 * 1024);
        int tables = catalog.schemas().stream().mapToInt(s -> s.tables().size()).sum();
        int views = catalog.schemas().stream().mapToInt(s -> s.views().size()).sum();
        System.out.println("tables=" + tables + " views=" + views + " reflect_first=" + reflect[0] + "ms reflect_median="
                + median(reflect) + "ms reflect_min=" + Arrays.stream(reflect).min().getAsLong()
                + "ms snapshot_write_read_median=" + median(snapshot) + "ms heap_after_gc=" + heap + "MB (max "
                + Runtime.getRuntime().maxMemory() / (1024 * 1024) + "MB)");
        if (catalog.hashCode() == 42) {
            System.out.println();
        }
    }

    private static long median(long[] values) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }
}
