package deltakv.jmh;

/*
 * How to run (after `mvn -B -q -o -DskipTests -pl jmh -am package`):
 *
 *   java -cp jmh/target/benchmarks.jar deltakv.jmh.ListWorkProbe results/jmh/perf-work.json
 *
 * What it shows: the storage work ONE list operation costs, per variant, single-threaded, so the numbers
 * do not depend on how loaded the machine is: data-layer point gets, scans and entries returned, and
 * RocksDB iterator seeks / next() steps on the memtable (commit-time OCC checks and the write included;
 * the MVCC layer does its own version skipping, so a next() is one stored version walked, live or
 * deleted), and the calling thread's CPU time per operation (steadier than wall time on a shared
 * machine). Two scenarios:
 *   read-D   a 300-element list carrying D unfolded deltas (compactor off): LLEN, LRANGE 0 99
 *   hot-H    a list after H RPUSH+LPOP cycles, compacted every 64 operations (as the design's
 *            maxDeltaCount would): RPUSH, LPOP, LLEN, LRANGE 0 99. Shows what history costs.
 */

import deltakv.engine.EngineConfig;
import deltakv.engine.Variant;
import deltakv.engine.collections.End;
import deltakv.engine.collections.ListStore;
import deltakv.engine.txn.Txn;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

public final class ListWorkProbe {
    private static final byte[] KEY = "list".getBytes(StandardCharsets.UTF_8);
    private static final byte[] ELEMENT = "element-0123456789".getBytes(StandardCharsets.UTF_8);
    private static final int REPS = 300;

    /** Averages per operation. */
    record Row(String variant, String scenario, String op, double gets, double scans, double scanned,
               double seeks, double nexts, double deletesSkipped, double micros, double cpuMicros) {}

    private static final java.lang.management.ThreadMXBean CPU = java.lang.management.ManagementFactory.getThreadMXBean();

    private final List<Row> rows = new ArrayList<>();

    public static void main(String[] args) throws IOException {
        ListWorkProbe p = new ListWorkProbe();
        for (String v : List.of("rmw", "delta")) { // JIT warm-up, discarded
            p.readScenario(Variant.parse(v), 64);
            p.hotScenario(Variant.parse(v), 300);
        }
        p.rows.clear();
        int[] histories = args.length > 1 ? parse(args[1]) : new int[] {0, 1000, 5000};
        for (String v : List.of("rmw", "delta")) {
            for (int d : new int[] {0, 64, 256}) p.readScenario(Variant.parse(v), d);
            for (int h : histories) p.hotScenario(Variant.parse(v), h);
        }
        p.print();
        if (args.length > 0) p.writeJson(Path.of(args[0]));
    }

    private static int[] parse(String csv) {
        return java.util.Arrays.stream(csv.split(",")).mapToInt(Integer::parseInt).toArray();
    }

    private void readScenario(Variant v, int deltas) {
        EngineConfig d = EngineConfig.defaults(v);
        EngineConfig cfg = new EngineConfig(v, Set.of(), 1 << 20, 1 << 20, d.maxKeysPerCompactionTx(),
                d.maxKeysPerTick(), Duration.ofDays(1), d.claimScanWindow());
        try (EmbeddedEngine e = new EmbeddedEngine(cfg)) {
            ListStore lists = e.data.lists();
            List<byte[]> seed = new ArrayList<>();
            for (int i = 0; i < 300 - deltas; i++) seed.add(("e" + i).getBytes(StandardCharsets.UTF_8));
            if (!seed.isEmpty()) e.execute(t -> lists.push(t, KEY, End.RIGHT, seed));
            e.data.compactor().ifPresent(c -> c.compactNow(KEY));
            for (int i = 300 - deltas; i < 300; i++) {
                byte[] el = ("e" + i).getBytes(StandardCharsets.UTF_8);
                e.execute(t -> lists.push(t, KEY, End.RIGHT, List.of(el)));
            }
            String s = "read-" + deltas;
            measure(e, v, s, "LLEN", t -> check(lists.length(t, KEY) == 300));
            measure(e, v, s, "LRANGE 0 99", t -> check(lists.range(t, KEY, 0, 99).size() == 100));
        }
    }

    private void hotScenario(Variant v, int history) {
        EngineConfig cfg = EngineConfig.defaults(v).withCompactionInterval(Duration.ofDays(1));
        try (EmbeddedEngine e = new EmbeddedEngine(cfg)) {
            ListStore lists = e.data.lists();
            int[] ops = {0};
            Runnable compactEvery64 = () -> {
                if (++ops[0] % 64 == 0) e.data.compactor().ifPresent(c -> c.compactNow(KEY));
            };
            List<byte[]> seed = new ArrayList<>();
            for (int i = 0; i < 100; i++) seed.add(ELEMENT);
            e.execute(t -> lists.push(t, KEY, End.RIGHT, seed));
            for (int i = 0; i < history; i++) {
                e.execute(t -> lists.push(t, KEY, End.RIGHT, List.of(ELEMENT)));
                compactEvery64.run();
                e.execute(t -> lists.pop(t, KEY, End.LEFT, 1));
                compactEvery64.run();
            }
            String s = "hot-" + history;
            measure(e, v, s, "RPUSH", t -> lists.push(t, KEY, End.RIGHT, List.of(ELEMENT)), compactEvery64);
            measure(e, v, s, "LPOP", t -> check(lists.pop(t, KEY, End.LEFT, 1).size() == 1), compactEvery64);
            measure(e, v, s, "LLEN", t -> check(lists.length(t, KEY) == 100));
            measure(e, v, s, "LRANGE 0 99", t -> check(lists.range(t, KEY, 0, 99).size() == 100));
            if (e.data.compactor().isPresent()) measureCompaction(e, v, s);
        }
    }

    /** One compaction of the list after 32 RPUSH + 32 LPOP (64 deltas), as the background would run it. */
    private void measureCompaction(EmbeddedEngine e, Variant v, String scenario) {
        RocksWork rocks = new RocksWork(e.store);
        rocks.enable();
        int runs = 30;
        long nanos = 0, cpuNanos = 0;
        RocksWork.Sample total = new RocksWork.Sample(0, 0, 0, 0);
        for (int i = 0; i < runs; i++) {
            for (int j = 0; j < 32; j++) {
                e.execute(t -> e.data.lists().push(t, KEY, End.RIGHT, List.of(ELEMENT)));
                e.execute(t -> e.data.lists().pop(t, KEY, End.LEFT, 1));
            }
            RocksWork.Sample before = rocks.sample();
            long t0 = System.nanoTime();
            long c0 = CPU.getCurrentThreadCpuTime();
            e.data.compactor().orElseThrow().compactNow(KEY);
            cpuNanos += CPU.getCurrentThreadCpuTime() - c0;
            nanos += System.nanoTime() - t0;
            RocksWork.Sample d = rocks.sample().minus(before);
            total = new RocksWork.Sample(total.seeks() + d.seeks(), total.nexts() + d.nexts(), 0, 0);
        }
        rows.add(new Row(v.cliName(), scenario, "compact/64", 0, 0, 0, total.seeks() / (double) runs,
                total.nexts() / (double) runs, 0, nanos / 1000.0 / runs, cpuNanos / 1000.0 / runs));
    }

    private static Object check(boolean ok) {
        if (!ok) throw new IllegalStateException("probe operation returned a wrong result");
        return ok;
    }

    private void measure(EmbeddedEngine e, Variant v, String scenario, String op, Function<Txn, Object> body) {
        measure(e, v, scenario, op, body, () -> {});
    }

    /** Runs {@code body} REPS times on this thread; {@code after} runs between operations, uncounted. */
    private void measure(EmbeddedEngine e, Variant v, String scenario, String op, Function<Txn, Object> body,
                         Runnable after) {
        RocksWork rocks = new RocksWork(e.store);
        rocks.enable();
        CountingTxn.Counts c = new CountingTxn.Counts();
        for (int i = 0; i < 100; i++) { // warm-up, uncounted
            e.execute(t -> body.apply(new CountingTxn(t, c)));
            after.run();
        }
        long gets = 0, scans = 0, scanned = 0, nanos = 0, cpuNanos = 0;
        RocksWork.Sample total = new RocksWork.Sample(0, 0, 0, 0);
        for (int i = 0; i < REPS; i++) {
            c.reset();
            RocksWork.Sample before = rocks.sample();
            long t0 = System.nanoTime();
            long c0 = CPU.getCurrentThreadCpuTime();
            e.execute(t -> body.apply(new CountingTxn(t, c)));
            cpuNanos += CPU.getCurrentThreadCpuTime() - c0;
            nanos += System.nanoTime() - t0;
            RocksWork.Sample d = rocks.sample().minus(before);
            total = new RocksWork.Sample(total.seeks() + d.seeks(), total.nexts() + d.nexts(),
                    total.deletesSkipped() + d.deletesSkipped(), 0);
            gets += c.gets;
            scans += c.scans;
            scanned += c.scanned;
            after.run();
        }
        double n = REPS;
        rows.add(new Row(v.toString().toLowerCase(), scenario, op, gets / n, scans / n, scanned / n,
                total.seeks() / n, total.nexts() / n, total.deletesSkipped() / n, nanos / n / 1000, cpuNanos / n / 1000));
    }

    private void print() {
        System.out.printf("%-6s %-10s %-12s %7s %7s %9s %8s %10s %9s %10s %9s%n", "var", "scenario", "op", "gets",
                "scans", "entries", "seeks", "nexts", "rdbDelSk", "wall us", "cpu us");
        for (Row r : rows) {
            System.out.printf("%-6s %-10s %-12s %7.1f %7.1f %9.1f %8.1f %10.1f %9.1f %10.1f %9.1f%n", r.variant(),
                    r.scenario(), r.op(), r.gets(), r.scans(), r.scanned(), r.seeks(), r.nexts(),
                    r.deletesSkipped(), r.micros(), r.cpuMicros());
        }
    }

    private void writeJson(Path out) throws IOException {
        StringBuilder sb = new StringBuilder("[\n");
        for (int i = 0; i < rows.size(); i++) {
            Row r = rows.get(i);
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("variant", r.variant());
            m.put("scenario", r.scenario());
            m.put("op", r.op());
            m.put("gets", r.gets());
            m.put("scans", r.scans());
            m.put("entriesReturned", r.scanned());
            m.put("rocksSeeks", r.seeks());
            m.put("rocksNexts", r.nexts());
            m.put("rocksDeletesSkipped", r.deletesSkipped());
            m.put("wallMicros", r.micros());
            m.put("cpuMicros", r.cpuMicros());
            sb.append("  {");
            int j = 0;
            for (Map.Entry<String, Object> en : m.entrySet()) {
                if (j++ > 0) sb.append(", ");
                Object val = en.getValue();
                sb.append('"').append(en.getKey()).append("\": ");
                sb.append(val instanceof String ? "\"" + val + "\"" : String.format(java.util.Locale.ROOT, "%.2f", (Double) val));
            }
            sb.append(i + 1 < rows.size() ? "},\n" : "}\n");
        }
        sb.append("]\n");
        if (out.getParent() != null) Files.createDirectories(out.getParent());
        Files.writeString(out, sb.toString());
    }
}
