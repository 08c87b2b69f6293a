package deltakv.nemesis.compactor;

import deltakv.checker.history.Keyword;
import deltakv.nemesis.Cycle;
import deltakv.nemesis.Fault;
import deltakv.nemesis.Nemesis;
import deltakv.nemesis.NemesisPackage;
import deltakv.nemesis.PlotBand;
import deltakv.nemesis.cluster.ClusterControl;
import deltakv.nemesis.cluster.EachNode;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * {@code --nemesis compactor} (ours; Jepsen has none): the delta design's background fold, stalled or
 * hurried. {@code all}: {@code DKV.COMPACTOR PAUSE} on every node (compaction runs on whichever node
 * leads, which changes), so deltas pile up and reads fold many of them; {@code leader}: bursts of
 * {@code DKV.COMPACTOR RUN} to whichever node leads at that moment, so folds race the writers. The stop
 * resumes every node and ends the bursts. Variants without a compactor ({@code rmw}) accept the commands
 * and have nothing to do.
 */
public final class Compactor implements Nemesis {
    public static final List<String> TARGETS = List.of("all", "leader");
    private static final Duration RESUME_PATIENCE = Duration.ofSeconds(30);

    private Bursts bursts;
    /** Nodes told to pause and not yet resumed (a resume that failed is tried again at the stop and by recovery). */
    private final Set<String> paused = new TreeSet<>();

    private Compactor() {}

    public static NemesisPackage create(List<String> targets) {
        return new NemesisPackage("compactor", new Compactor(), p -> Cycle.of("compactor", targets, p),
                List.of(new PlotBand("compactor", "start-compactor", "stop-compactor", 0xBF812D)));
    }

    @Override
    public synchronized Object invoke(Fault fault, ClusterControl cluster) throws InterruptedException {
        Map<Keyword, Object> stopped = stop(cluster); // a new compactor fault replaces the last one
        if (fault.f().equals("stop-compactor")) return stopped;
        Map<Keyword, Object> done = new LinkedHashMap<>();
        if (((Keyword) fault.value()).name().equals("leader")) {
            bursts = Bursts.start(cluster);
            done.put(Keyword.of("action"), Keyword.of("bursts"));
            Optional<String> leader = cluster.likelyLeader();
            done.put(Keyword.of("leader"), leader.isPresent() ? leader.get() : Keyword.of("no-leader-known"));
            return done;
        }
        done.put(Keyword.of("action"), Keyword.of("paused"));
        each(cluster, cluster.nodes(), "PAUSE", done);
        // every node, even one that did not answer: a stopped node may still read the PAUSE when resumed
        paused.addAll(cluster.nodes());
        return done;
    }

    @Override
    public synchronized void healAll(ClusterControl cluster) throws IOException, InterruptedException {
        if (bursts != null) bursts.stop();
        bursts = null;
        EachNode.retrying(List.copyOf(paused), RESUME_PATIENCE, "resume the compactor", n -> {
            cluster.compactor(n, "RESUME");
            paused.remove(n);
        });
    }

    /** Ends what is in effect: the bursts (with how many runs went where) and the pause. */
    private Map<Keyword, Object> stop(ClusterControl cluster) throws InterruptedException {
        Map<Keyword, Object> done = new LinkedHashMap<>();
        if (bursts != null) {
            bursts.stop();
            done.put(Keyword.of("action"), Keyword.of("bursts-ended"));
            done.put(Keyword.of("runs"), bursts.runs());
            bursts = null;
        }
        if (!paused.isEmpty()) {
            done.put(Keyword.of("action"), Keyword.of("resumed"));
            paused.removeAll(each(cluster, List.copyOf(paused), "RESUME", done));
        }
        if (done.isEmpty()) done.put(Keyword.of("action"), Keyword.of("nothing-to-stop"));
        return done;
    }

    /** {@code subcommand} on each of {@code nodes}; records which answered and which failed; returns those that answered. */
    private static List<String> each(ClusterControl cluster, List<String> nodes, String subcommand, Map<Keyword, Object> done) {
        List<String> ok = new ArrayList<>();
        Map<String, String> failed = new LinkedHashMap<>();
        for (String n : nodes) {
            try {
                cluster.compactor(n, subcommand);
                ok.add(n);
            } catch (IOException | RuntimeException e) {
                failed.put(n, String.valueOf(e.getMessage()));
            }
        }
        done.put(Keyword.of("nodes"), ok);
        if (!failed.isEmpty()) done.put(Keyword.of("failed"), failed);
        return ok;
    }
}
