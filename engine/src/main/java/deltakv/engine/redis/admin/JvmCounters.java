package deltakv.engine.redis.admin;

import java.lang.management.CompilationMXBean;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The node JVM's own overheads, as counters in {@code DKV.STATS}: milliseconds spent compiling (JIT) and
 * collecting garbage since the process started. Why: on a small machine a fresh node's JIT keeps
 * compiling under load for minutes, and while it does it takes cores from the engine; a benchmark reads
 * these to warm up until the JIT is quiet and to show what it took during a measurement.
 */
final class JvmCounters {
    private JvmCounters() {}

    static Map<String, Long> read() {
        Map<String, Long> m = new LinkedHashMap<>();
        CompilationMXBean jit = ManagementFactory.getCompilationMXBean();
        m.put("jvm_jit_ms", jit != null && jit.isCompilationTimeMonitoringSupported() ? jit.getTotalCompilationTime() : 0);
        long gc = 0;
        for (GarbageCollectorMXBean b : ManagementFactory.getGarbageCollectorMXBeans()) gc += Math.max(0, b.getCollectionTime());
        m.put("jvm_gc_ms", gc);
        return m;
    }
}
