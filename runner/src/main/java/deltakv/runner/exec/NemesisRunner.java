package deltakv.runner.exec;

import deltakv.checker.history.EdnPrinter;
import deltakv.checker.history.Keyword;
import deltakv.nemesis.Fault;
import deltakv.nemesis.Nemesis;
import deltakv.nemesis.cluster.ClusterControl;
import deltakv.runner.history.HistoryLog;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.LockSupport;

/**
 * Runs the nemesis schedule next to the workers: at each fault's time, records what was asked as a
 * {@code :nemesis :info} op, carries it out, and records what was done as a second one; every fault also
 * goes to {@code nemesis.edn} (one EDN map per line), so a run's faults can be read and replayed.
 */
final class NemesisRunner implements Runnable {
    private final List<Fault> schedule;
    private final Nemesis nemesis;
    private final ClusterControl cluster;
    private final HistoryLog history;
    private final Path file;
    private final long startNanos;
    private final RunLog log;
    private volatile String current = "none";
    private volatile boolean stopped;

    NemesisRunner(List<Fault> schedule, Nemesis nemesis, ClusterControl cluster, HistoryLog history, Path file,
                  long startNanos, RunLog log) {
        this.schedule = List.copyOf(schedule);
        this.nemesis = nemesis;
        this.cluster = cluster;
        this.history = history;
        this.file = file;
        this.startNanos = startNanos;
        this.log = log;
    }

    /** The last fault started (for the progress line). */
    String current() {
        return current;
    }

    void stop() {
        stopped = true;
    }

    @Override
    public void run() {
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            for (Fault fault : schedule) {
                long due = startNanos + fault.atMillis() * 1_000_000L;
                long now;
                while (!stopped && (now = System.nanoTime()) < due) LockSupport.parkNanos(Math.min(due - now, 50_000_000L));
                if (stopped) return;
                history.nemesis(fault.f(), fault.value());
                Object done;
                try {
                    done = nemesis.invoke(fault, cluster);
                } catch (Exception e) {
                    done = "failed: " + e.getMessage();
                    log.info("nemesis: " + fault.f() + " failed: " + e.getMessage());
                }
                history.nemesis(fault.f(), done);
                current = fault.f();
                Map<Object, Object> line = new LinkedHashMap<>();
                line.put(Keyword.of("time"), history.now());
                line.put(Keyword.of("f"), Keyword.of(fault.f()));
                line.put(Keyword.of("asked"), fault.value());
                line.put(Keyword.of("done"), done);
                out.write(EdnPrinter.print(line));
                out.write('\n');
                out.flush();
            }
        } catch (IOException e) {
            log.info("nemesis: cannot write " + file + ": " + e.getMessage());
        }
    }
}
