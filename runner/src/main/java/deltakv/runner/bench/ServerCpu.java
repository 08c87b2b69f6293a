package deltakv.runner.bench;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * CPU time the server processes of a point used (the cluster's node JVMs, or the reference redis-server),
 * read from the OS by PID before and after the point. Why: on this machine throughput drifts from day to
 * day with cross-core wake-ups, while CPU per op is the cost a design puts on the servers and moves much
 * less; two variants at the same ops/s can differ in it (and in what they would reach with more cores).
 *
 * @param nanos the summed CPU time; empty when the OS did not report it for some process
 */
record ServerCpu(Optional<Long> nanos) {
    static ServerCpu read(List<Long> pids) {
        long sum = 0;
        for (long pid : pids) {
            Optional<Duration> d = ProcessHandle.of(pid).flatMap(h -> h.info().totalCpuDuration());
            if (d.isEmpty()) return new ServerCpu(Optional.empty());
            sum += d.get().toNanos();
        }
        return new ServerCpu(Optional.of(sum));
    }

    /** Microseconds of server CPU per op between {@code before} and this reading, or null if unknown. */
    Double microsPerOp(ServerCpu before, long ops) {
        if (nanos.isEmpty() || before.nanos.isEmpty() || ops <= 0) return null;
        return Math.round((nanos.get() - before.nanos.get()) / 1_000.0 / ops * 10) / 10.0;
    }
}
