import dev.godwit.Godwit;
import dev.godwit.dialect.InspectOptions;
import java.lang.management.ManagementFactory;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Where a PostgreSQL reflection's CPU goes (Linux, PostgreSQL on the same host): for each call, its wall time, the
 * JVM's CPU time (the reader, the driver, the compiler and collector threads) and the CPU time of every
 * {@code postgres} process, read from {@code /proc} (a backend that has exited is counted in the postmaster's
 * children's time once reaped, hence the pause after each call).
 *
 * <p>On two cores a reflection is bound by the sum of the two: wall time only falls when CPU time does. Used to
 * compare two builds in alternating rounds (the host's speed drifts by a third within an hour, so only figures from
 * the same round compare); see docs/PERFORMANCE.md.
 *
 * <p>usage: {@code java -Xmx256m -cp godwit.jar:. CpuSplit URL CALLS}; prints the second half of the calls.
 */
public final class CpuSplit {

    public static void main(String[] args) throws Exception {
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        Godwit godwit = Godwit.configure().url(args[0]).load();
        int calls = Integer.parseInt(args[1]);
        long[] wall = new long[calls];
        long[] java = new long[calls];
        long[] server = new long[calls];
        for (int i = 0; i < calls; i++) {
            long serverBefore = serverMillis();
            long javaBefore = os.getProcessCpuTime();
            long start = System.nanoTime();
            godwit.inspect(InspectOptions.defaults());
            wall[i] = (System.nanoTime() - start) / 1_000_000;
            java[i] = (os.getProcessCpuTime() - javaBefore) / 1_000_000;
            Thread.sleep(300);
            server[i] = serverMillis() - serverBefore;
        }
        int from = calls / 2;
        System.out.println("wall_ms=" + Arrays.toString(Arrays.copyOfRange(wall, from, calls)));
        System.out.println("java_cpu_ms=" + Arrays.toString(Arrays.copyOfRange(java, from, calls)));
        System.out.println("postgres_cpu_ms=" + Arrays.toString(Arrays.copyOfRange(server, from, calls)));
    }

    /** utime + stime + cutime + cstime of every postgres process, in ms (clock ticks of 10 ms). */
    private static long serverMillis() throws Exception {
        long ticks = 0;
        try (DirectoryStream<Path> processes = Files.newDirectoryStream(Path.of("/proc"), "[0-9]*")) {
            for (Path process : processes) {
                String stat;
                try {
                    stat = Files.readString(process.resolve("stat"));
                } catch (Exception gone) {
                    continue;
                }
                int close = stat.lastIndexOf(')');
                if (!stat.substring(stat.indexOf('(') + 1, close).startsWith("postgres")) {
                    continue;
                }
                // The fields after the command name, from "state": utime is the 12th, then stime, cutime, cstime.
                String[] f = stat.substring(close + 2).split(" ");
                ticks += Long.parseLong(f[11]) + Long.parseLong(f[12]) + Long.parseLong(f[13]) + Long.parseLong(f[14]);
            }
        }
        return ticks * 10;
    }
}
