package deltakv.runner.exec;

import deltakv.nemesis.Fault;
import deltakv.nemesis.Nemesis;
import deltakv.nemesis.cluster.ClusterControl;
import deltakv.runner.history.HistoryLog;
import deltakv.workloads.Workload;
import deltakv.workloads.gen.Seeds;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The main phase (HARNESS.md §1.2): {@code concurrency} workers and the nemesis schedule, for
 * {@code time-limit} seconds, with a progress line about every 5 s. At the time limit every fault still in
 * effect is stopped (recorded like any other); returns when every worker has finished its last op (each op is
 * bounded by the client timeout).
 */
public final class MainPhase {
    static final long PROGRESS_NANOS = 5_000_000_000L;

    private MainPhase() {}

    /** @return the highest process number any worker used (the final phase takes fresh ones above it) */
    public static long run(Workload workload, Nodes nodes, HistoryLog history, int concurrency, double rate,
                           long seed, double timeLimitSeconds, Nemesis nemesis, List<Fault> schedule,
                           ClusterControl cluster, Path nemesisFile, AtomicBoolean interrupted,
                           Set<Object> keysUsed, RunLog log) throws InterruptedException {
        long start = System.nanoTime();
        long deadline = start + (long) (timeLimitSeconds * 1e9);
        List<Worker> workers = new ArrayList<>();
        List<Thread> threads = new ArrayList<>();
        for (int w = 0; w < concurrency; w++) {
            // pacing draws from its own stream, so the ops a worker generates do not depend on --rate
            Worker worker = new Worker(w, concurrency, workload.generator().apply(w), nodes, history, rate,
                    Seeds.forWorker(seed ^ 0x5DEECE66DL, w), deadline, interrupted::get, keysUsed);
            workers.add(worker);
            Thread t = new Thread(worker, "worker-" + w);
            t.setDaemon(true);
            threads.add(t);
        }
        NemesisRunner nemesisRunner = new NemesisRunner(schedule, nemesis, cluster, history, nemesisFile, start, log);
        Thread nemesisThread = new Thread(nemesisRunner, "nemesis");
        nemesisThread.setDaemon(true);
        threads.forEach(Thread::start);
        nemesisThread.start();

        long lastOk = 0;
        long lastAt = start;
        long nextProgress = start + PROGRESS_NANOS;
        boolean faultsEnded = false;
        while (!interrupted.get()) {
            long now = System.nanoTime();
            if (now >= deadline && !faultsEnded) {
                // As Jepsen's final nemesis generator: end every fault now, so the ops still in flight can finish.
                faultsEnded = true;
                nemesisRunner.stop();
                nemesisThread.join();
                nemesisRunner.stopActive();
            }
            if (now >= deadline && threads.stream().noneMatch(Thread::isAlive)) break;
            if (now >= nextProgress) {
                long ok = history.ok();
                double rateNow = (ok - lastOk) / ((now - lastAt) / 1e9);
                log.info(String.format("[%3.0fs/%.0fs] ok %d  fail %d  info %d | %.0f ok/s | fault: %s",
                        Math.min(now - start, deadline - start) / 1e9, timeLimitSeconds, ok, history.failed(),
                        history.info(), rateNow, nemesisRunner.current()));
                lastOk = ok;
                lastAt = now;
                nextProgress += PROGRESS_NANOS;
            }
            history.checkHealthy();
            Thread.sleep(50);
        }
        nemesisRunner.stop();
        for (Thread t : threads) t.join();
        nemesisThread.join();
        nemesisRunner.close();
        long max = 0;
        for (Worker w : workers) max = Math.max(max, w.process());
        return max;
    }
}
