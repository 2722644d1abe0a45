import dev.godwit.Godwit;
import dev.godwit.dialect.InspectOptions;
import dev.godwit.model.Catalog;
import dev.godwit.model.Schema;
import dev.godwit.snapshot.Snapshot;
import dev.godwit.snapshot.SnapshotReader;
import dev.godwit.snapshot.SnapshotWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.Arrays;

/**
 * Reflection benchmark (issue 4): times {@code Godwit.inspect(InspectOptions.defaults())} in process, then the
 * snapshot write and read of the model it read.
 *
 * <p>usage: {@code java -Xmx256m -cp godwit.jar:. ReflectBench URL WARMUP WARMUP_SECONDS RUNS}. Warm-up is as JMH
 * does it, by time: at least {@code WARMUP} calls and at least {@code WARMUP_SECONDS} of calling, so the timed runs
 * measure compiled code, not the JIT compiler at work (on two cores the compiler threads and the reader compete, and
 * the tenth call can still take three times the fortieth). The first calls are printed too ({@code cold_ms}: the
 * first is in a fresh JVM, with class loading and the driver's native library).
 *
 * <p>Prints one {@code key=value} line per figure for run.sh: each run's wall time, their median, the objects read,
 * and, from one more reflection after the timed runs, the peak heap it used from a collected heap as the collector
 * saw it and the heap in use after a full GC while its model is still referenced (the model's retained size plus
 * the JVM's baseline).
 */
public final class ReflectBench {

    public static void main(String[] args) {
        String url = args[0];
        int warmup = Integer.parseInt(args[1]);
        long warmupNanos = Long.parseLong(args[2]) * 1_000_000_000L;
        int runs = Integer.parseInt(args[3]);
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        Godwit godwit = Godwit.configure().url(url).load();
        // The JVM's own heap, before any model; measured now because a full GC right before the timed runs would
        // shrink the heap under them and time the collector growing it back.
        System.gc();
        long baseline = memory.getHeapMemoryUsage().getUsed();
        Catalog catalog = null;
        long[] cold = new long[5];
        int calls = 0;
        long warmupStart = System.nanoTime();
        while (calls < warmup || calls < cold.length || System.nanoTime() - warmupStart < warmupNanos) {
            long start = System.nanoTime();
            catalog = godwit.inspect(InspectOptions.defaults());
            if (calls < cold.length) {
                cold[calls] = (System.nanoTime() - start) / 1_000_000;
            }
            calls++;
        }
        System.out.println("cold_ms=" + Arrays.toString(cold).replaceAll("[\\[\\] ]", ""));
        System.out.println("warmup_calls=" + calls);
        long[] ms = new long[runs];
        for (int i = 0; i < runs; i++) {
            catalog = null;
            long start = System.nanoTime();
            catalog = godwit.inspect(InspectOptions.defaults());
            ms[i] = (System.nanoTime() - start) / 1_000_000;
        }
        // Memory, after the timing: the peak while one reflection runs from a collected heap, then what its model
        // keeps once collected again.
        catalog = null;
        System.gc();
        for (var pool : ManagementFactory.getMemoryPoolMXBeans()) {
            pool.resetPeakUsage();
        }
        catalog = godwit.inspect(InspectOptions.defaults());
        System.gc();
        long retained = memory.getHeapMemoryUsage().getUsed();
        long peak = 0;
        for (var pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == java.lang.management.MemoryType.HEAP) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        int tables = 0;
        int views = 0;
        int columns = 0;
        int indexes = 0;
        for (Schema s : catalog.schemas()) {
            tables += s.tables().size();
            views += s.views().size();
            for (var t : s.tables()) {
                columns += t.columns().size();
                indexes += t.indexes().size();
            }
        }
        // Snapshot write (to text) + read (back to an equal model) of the last catalog, timed after the heap figures.
        long[] snapshotMs = new long[runs];
        for (int i = 0; i < runs + warmup; i++) {
            long start = System.nanoTime();
            Snapshot back = SnapshotReader.fromJson(SnapshotWriter.toJson(new Snapshot(catalog,
                    java.util.Optional.of("r"))), "bench");
            long elapsed = (System.nanoTime() - start) / 1_000_000;
            if (!back.catalog().equals(catalog)) {
                throw new IllegalStateException("the snapshot round trip changed the model");
            }
            if (i >= warmup) {
                snapshotMs[i - warmup] = elapsed;
            }
        }
        long[] snapshotSorted = snapshotMs.clone();
        Arrays.sort(snapshotSorted);
        System.out.println("snapshot_median_ms=" + snapshotSorted[(runs - 1) / 2]);
        long[] sorted = ms.clone();
        Arrays.sort(sorted);
        System.out.println("runs_ms=" + Arrays.toString(ms).replaceAll("[\\[\\] ]", ""));
        System.out.println("median_ms=" + sorted[(runs - 1) / 2]);
        System.out.println("tables=" + tables + " views=" + views + " columns=" + columns + " indexes=" + indexes);
        System.out.println("heap_max_mb=" + memory.getHeapMemoryUsage().getMax() / (1 << 20));
        System.out.println("heap_baseline_mb=" + baseline / (1 << 20));
        System.out.println("heap_after_gc_with_model_mb=" + retained / (1 << 20));
        System.out.println("heap_peak_sum_of_pools_mb=" + peak / (1 << 20));
    }
}
