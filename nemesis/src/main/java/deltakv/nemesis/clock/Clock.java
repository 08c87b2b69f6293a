package deltakv.nemesis.clock;

import deltakv.checker.history.Keyword;
import deltakv.nemesis.Cycle;
import deltakv.nemesis.Fault;
import deltakv.nemesis.Nemesis;
import deltakv.nemesis.NemesisPackage;
import deltakv.nemesis.PlotBand;
import deltakv.nemesis.Targets;
import deltakv.nemesis.cluster.ClusterControl;
import deltakv.nemesis.cluster.EachNode;
import java.io.IOException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;

/**
 * {@code --nemesis clock}: Jepsen's clock nemesis without root — each node's wall clock under its HLC is
 * shifted with {@code DKV.CLOCK SET}, never the OS clock. A start on {@code one} / {@code leader} / {@code minority} /
 * {@code majority} / {@code all} either <em>bumps</em> the targets by ±1 ms … ±5 min (log-uniform, as
 * Jepsen's bumps) or <em>strobes</em> them (flip between that offset and 0 every 50–500 ms until the stop);
 * the stop resets every node to 0. Each op records the offsets read back from every node that answers
 * ({@code :offsets}), which {@code clock.png} draws.
 */
public final class Clock implements Nemesis {
    public static final List<String> TARGETS = List.of("one", "leader", "minority", "majority", "all");
    static final long MAX_SHIFT_MS = 300_000;
    /** How long recovery keeps trying to reset a node that does not answer yet (one just restarted). */
    private static final Duration RESET_PATIENCE = Duration.ofSeconds(30);

    private Strobe strobe;
    /** Nodes whose last reset failed (down or paused then): tried again at the next clock op. */
    private final Set<String> unreset = new TreeSet<>();

    private Clock() {}

    public static NemesisPackage create(List<String> targets) {
        return new NemesisPackage("clock", new Clock(), p -> Cycle.of("clock", targets, p),
                List.of(new PlotBand("clock", "start-clock", "stop-clock", 0xC2A5CF)));
    }

    @Override
    public synchronized Object invoke(Fault fault, ClusterControl cluster) throws InterruptedException {
        if (fault.f().equals("stop-clock")) return reset(cluster);
        Random r = new Random(fault.draw());
        Targets.Resolved t = Targets.resolve(((Keyword) fault.value()).name(), cluster, r);
        stopStrobe(); // a new clock fault replaces the last one
        unreset.retainAll(set(cluster, List.copyOf(unreset), 0).keySet()); // still not answering: next time
        long shift = shift(r);
        boolean bump = r.nextBoolean();
        Map<Keyword, Object> done = new LinkedHashMap<>();
        done.put(Keyword.of("action"), Keyword.of(bump ? "bump" : "strobe"));
        done.put(Keyword.of("nodes"), t.nodes());
        done.put(Keyword.of("delta-ms"), shift);
        Map<String, String> failed = Map.of();
        if (bump) {
            failed = set(cluster, t.nodes(), shift);
        } else {
            long period = Math.round(Math.exp(Math.log(50) + r.nextDouble() * Math.log(10))); // 50 … 500 ms, log-uniform
            done.put(Keyword.of("period-ms"), period);
            strobe = Strobe.start(cluster, t.nodes(), shift, period);
        }
        if (!failed.isEmpty()) done.put(Keyword.of("failed"), failed);
        done.put(Keyword.of("offsets"), offsets(cluster));
        return done;
    }

    @Override
    public synchronized void healAll(ClusterControl cluster) throws IOException, InterruptedException {
        stopStrobe();
        EachNode.retrying(cluster.nodes(), RESET_PATIENCE, "reset the clock", n -> cluster.setClockOffset(n, 0));
        unreset.clear();
    }

    private Map<Keyword, Object> reset(ClusterControl cluster) throws InterruptedException {
        Map<Keyword, Object> done = new LinkedHashMap<>();
        done.put(Keyword.of("action"), Keyword.of("reset"));
        if (strobe != null) {
            strobe.stop();
            done.put(Keyword.of("flips"), strobe.flips());
            strobe = null;
        }
        Map<String, String> failed = set(cluster, cluster.nodes(), 0);
        unreset.clear();
        unreset.addAll(failed.keySet());
        if (!failed.isEmpty()) done.put(Keyword.of("failed"), failed);
        done.put(Keyword.of("offsets"), offsets(cluster));
        return done;
    }

    /** Sets {@code offset} on each of {@code nodes}; returns those that did not answer, with the error. */
    static Map<String, String> set(ClusterControl cluster, List<String> nodes, long offset) {
        Map<String, String> failed = new LinkedHashMap<>();
        for (String n : nodes) {
            try {
                cluster.setClockOffset(n, offset);
            } catch (IOException | RuntimeException e) {
                failed.put(n, String.valueOf(e.getMessage()));
            }
        }
        return failed;
    }

    private void stopStrobe() throws InterruptedException {
        if (strobe != null) strobe.stop();
        strobe = null;
    }

    /** ±1 ms … ±{@value #MAX_SHIFT_MS} ms, log-uniform: small skews as often as large ones. */
    static long shift(Random r) {
        long ms = Math.round(Math.pow(2, r.nextDouble() * (Math.log(MAX_SHIFT_MS) / Math.log(2))));
        return r.nextBoolean() ? ms : -ms;
    }

    /** Every answering node's offset now (a node that does not answer is left out). */
    static Map<String, Long> offsets(ClusterControl cluster) {
        Map<String, Long> out = new LinkedHashMap<>();
        for (String n : cluster.nodes()) {
            try {
                out.put(n, cluster.clockOffset(n));
            } catch (IOException | RuntimeException e) {
                // down or paused: no reading
            }
        }
        return out;
    }
}
