package deltakv.runner.exec;

import deltakv.checker.history.EdnPrinter;
import deltakv.checker.history.Keyword;
import deltakv.nemesis.Fault;
import deltakv.nemesis.Nemeses;
import deltakv.nemesis.Nemesis;
import deltakv.nemesis.cluster.ClusterControl;
import deltakv.nemesis.cluster.NodeRole;
import deltakv.runner.history.HistoryLog;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.LockSupport;

/**
 * Runs the nemesis schedule next to the workers: at each fault's time, records what was asked as a
 * {@code :nemesis :info} op, carries it out, and records what was done as a second one; every fault also
 * goes to {@code nemesis.edn} (one EDN map per line), so a run's faults can be read and replayed.
 */
final class NemesisRunner implements Runnable, AutoCloseable {
    private final List<Fault> schedule;
    private final Nemesis nemesis;
    private final ClusterControl cluster;
    private final HistoryLog history;
    private final Path file;
    private final long startNanos;
    private final RunLog log;
    /** Fault kinds in effect (started, not stopped yet), for the progress line. */
    private final Set<String> active = new ConcurrentSkipListSet<>();
    private static final long LEADER_PROBE_MILLIS = 300;
    private final ExecutorService probes = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "nemesis-leader-probe");
        t.setDaemon(true);
        return t;
    });
    private volatile boolean stopped;
    private BufferedWriter out;

    NemesisRunner(List<Fault> schedule, Nemesis nemesis, ClusterControl cluster, HistoryLog history, Path file,
                  long startNanos, RunLog log) {
        this.schedule = List.copyOf(schedule);
        this.nemesis = nemesis;
        this.cluster = cluster;
        this.history = history;
        this.file = file;
        this.startNanos = startNanos;
        this.log = log;
        try {
            this.out = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            log.info("nemesis: cannot write " + file + ": " + e.getMessage());
        }
    }

    /** The fault kinds in effect now (for the progress line). */
    String current() {
        return active.isEmpty() ? "none" : String.join(",", active);
    }

    void stop() {
        stopped = true;
    }

    @Override
    public void run() {
        for (Fault fault : schedule) {
            long due = startNanos + fault.atMillis() * 1_000_000L;
            long now;
            while (!stopped && (now = System.nanoTime()) < due) LockSupport.parkNanos(Math.min(due - now, 50_000_000L));
            if (stopped) return;
            perform(fault);
        }
    }

    /**
     * Stops every fault kind still in effect (after {@link #run} has returned): the end of the main phase.
     * In the registry's healing order: links and processes first, so clocks and compactors are reset on
     * nodes that answer.
     */
    void stopActive() {
        long at = (System.nanoTime() - startNanos) / 1_000_000L;
        List<String> order = Nemeses.names();
        List<String> kinds = new ArrayList<>(active);
        kinds.sort(Comparator.comparingInt(order::indexOf));
        for (String kind : kinds) perform(new Fault(at, "stop-" + kind, null, 0));
    }

    private void perform(Fault fault) {
        // HARNESS.md §4: the schedule says who led when each fault began (nil when no node claimed it)
        String leader = leaderNow();
        long at = history.now();
        history.nemesis(fault.f(), fault.value());
        Object done;
        try {
            done = nemesis.invoke(fault, cluster);
        } catch (Exception e) {
            done = List.of(Keyword.of("failed"), String.valueOf(e.getMessage() == null ? e : e.getMessage()));
            log.info("nemesis: " + fault.f() + " failed: " + e.getMessage());
        }
        history.nemesis(fault.f(), done);
        if (fault.f().startsWith("start-")) active.add(fault.kind());
        else if (fault.f().startsWith("stop-")) active.remove(fault.kind());
        Map<Object, Object> line = new LinkedHashMap<>();
        line.put(Keyword.of("time"), at);
        line.put(Keyword.of("at-millis"), fault.atMillis());
        line.put(Keyword.of("f"), Keyword.of(fault.f()));
        line.put(Keyword.of("asked"), fault.value());
        line.put(Keyword.of("draw"), fault.draw());
        line.put(Keyword.of("leader"), leader);
        line.put(Keyword.of("done"), done);
        write(EdnPrinter.print(line));
    }

    /**
     * The node claiming leadership in the highest term among those answering DKV.ROLE within
     * {@link #LEADER_PROBE_MILLIS}, all asked at once: a paused node never answers, and asking in turn with
     * the cluster's 1 s probe would delay the fault by a second per paused node.
     */
    private String leaderNow() {
        List<String> nodes = cluster.nodes();
        List<Future<NodeRole>> answers = new ArrayList<>();
        for (String n : nodes) answers.add(probes.submit(() -> cluster.role(n)));
        long deadline = System.nanoTime() + LEADER_PROBE_MILLIS * 1_000_000L;
        Map<String, NodeRole> roles = new LinkedHashMap<>();
        for (int i = 0; i < nodes.size(); i++) {
            try {
                roles.put(nodes.get(i), answers.get(i).get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS));
            } catch (TimeoutException | ExecutionException e) {
                answers.get(i).cancel(true); // no answer in time: not the leader as far as the record goes
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        return ClusterControl.likelyLeader(roles).orElse(null);
    }

    private void write(String line) {
        if (out == null) return;
        try {
            out.write(line);
            out.write('\n');
            out.flush();
        } catch (IOException e) {
            log.info("nemesis: cannot write " + file + ": " + e.getMessage());
            out = null;
        }
    }

    /** Closes nemesis.edn. */
    @Override
    public void close() {
        probes.shutdownNow();
        try {
            if (out != null) out.close();
        } catch (IOException ignored) {
            // the lines written so far were flushed
        }
    }
}
