package deltakv.checker.bench;

import deltakv.checker.CheckOptions;
import deltakv.checker.CheckResult;
import deltakv.checker.elle.ListAppendChecker;
import deltakv.checker.elle.RwRegisterChecker;
import deltakv.checker.elle.gen.HistoryGenerator;
import deltakv.checker.elle.gen.HistoryGenerator.Workload;
import deltakv.checker.history.History;
import deltakv.checker.history.HistoryReader;
import deltakv.checker.history.HistoryWriter;
import deltakv.checker.history.Op;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Elle checker throughput on generated valid histories (a benchmark, not a test). For each size it
 * writes the history as EDN, then times reading it back and checking it (strict-serializable, so
 * realtime edges are included), and reports ops/s and peak heap. Prints one JSON document. An optional
 * third argument makes that fraction of reads stale (an invalid history, to time the cycle search).
 * Wall times and process CPU times are both reported: on a shared, overloaded machine the CPU time is
 * the better guide to what an idle machine would do.
 *
 * <pre>
 * mvn -B -q -o -Ddkv.target=target-elle -pl checker test-compile
 * java -Xmx4g -cp checker/target-elle/classes:checker/target-elle/test-classes:JACKSON_JARS \
 *   deltakv.checker.bench.CheckerBench list-append 10000,100000,1000000
 * </pre>
 */
public final class CheckerBench {
    public static void main(String[] args) throws Exception {
        String workload = args.length > 0 ? args[0] : "list-append";
        String[] sizes = (args.length > 1 ? args[1] : "10000,100000,1000000").split(",");
        double stale = args.length > 2 ? Double.parseDouble(args[2]) : 0;
        List<String> rows = new ArrayList<>();
        for (String s : sizes) {
            rows.add(run(workload, Integer.parseInt(s), stale));
        }
        System.out.println("{\"workload\": \"" + workload + "\", \"stale-read-fraction\": " + stale + ", \"max-heap-mb\": "
                + Runtime.getRuntime().maxMemory() / (1 << 20) + ", \"cores\": "
                + Runtime.getRuntime().availableProcessors() + ", \"java\": \"" + System.getProperty("java.version")
                + "\",\n \"runs\": [\n  " + String.join(",\n  ", rows) + "]}");
    }

    private static String run(String workload, int ops, double stale) throws Exception {
        Workload w = workload.equals("rw-register") ? Workload.RW_REGISTER : Workload.LIST_APPEND;
        List<Op> generated = HistoryGenerator.generate(HistoryGenerator.Config.of(w, 42, ops / 2).withStaleReads(stale));
        Path file = Files.createTempFile("elle-bench", ".edn");
        try {
            HistoryWriter.write(generated, file);
            long bytes = Files.size(file);
            generated = null;
            System.gc();
            resetPeaks();
            long c0 = cpuNanos();
            long t0 = System.nanoTime();
            History h = HistoryReader.read(file);
            long t1 = System.nanoTime();
            long c1 = cpuNanos();
            CheckOptions opts = CheckOptions.defaults();
            CheckResult r = w == Workload.LIST_APPEND ? new ListAppendChecker(opts).check(h)
                    : new RwRegisterChecker(opts).check(h);
            long t2 = System.nanoTime();
            long c2 = cpuNanos();
            double read = (t1 - t0) / 1e9;
            double check = (t2 - t1) / 1e9;
            return String.format(Locale.ROOT, "{\"ops\": %d, \"file-mb\": %.1f, \"valid\": \"%s\", \"read-s\": %.3f, "
                            + "\"check-s\": %.3f, \"total-s\": %.3f, \"ops-per-s\": %.0f, \"check-ops-per-s\": %.0f, "
                            + "\"read-cpu-s\": %.3f, \"check-cpu-s\": %.3f, \"peak-heap-mb\": %d, \"anomaly-types\": \"%s\"}",
                    h.size(), bytes / 1e6, r.valid(), read, check, read + check, h.size() / (read + check),
                    h.size() / check, (c1 - c0) / 1e9, (c2 - c1) / 1e9, peakHeapMb(), String.join(" ", r.anomalyTypes()));
        } finally {
            Files.deleteIfExists(file);
        }
    }

    /** CPU time of the whole process (all threads, GC included): less distorted by other load than wall time. */
    private static long cpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    private static void resetPeaks() {
        for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
            p.resetPeakUsage();
        }
    }

    private static long peakHeapMb() {
        long sum = 0;
        for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
            if (p.getType() == MemoryType.HEAP) {
                sum += p.getPeakUsage().getUsed();
            }
        }
        return sum / (1 << 20);
    }
}
