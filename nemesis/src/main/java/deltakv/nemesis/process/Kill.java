package deltakv.nemesis.process;

import deltakv.checker.history.Keyword;
import deltakv.nemesis.Cycle;
import deltakv.nemesis.Fault;
import deltakv.nemesis.Nemesis;
import deltakv.nemesis.NemesisPackage;
import deltakv.nemesis.PlotBand;
import deltakv.nemesis.Targets;
import deltakv.nemesis.cluster.ClusterControl;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;

/**
 * {@code --nemesis kill}: SIGKILL {@code one} / {@code leader} / {@code minority} / {@code all} nodes, restart
 * them later on the same data directory. Records {@code [:killed ["n2"]]} and {@code [:restarted ["n2"]]}.
 */
public final class Kill implements Nemesis {
    public static final List<String> TARGETS = List.of("one", "leader", "minority", "all");
    private final Set<String> killed = new TreeSet<>();

    private Kill() {}

    public static NemesisPackage create(List<String> targets) {
        return new NemesisPackage("kill", new Kill(), p -> Cycle.of("kill", targets, p),
                List.of(new PlotBand("kill", "start-kill", "stop-kill", 0x8073AC)));
    }

    @Override
    public synchronized Object invoke(Fault fault, ClusterControl cluster) throws IOException {
        if (fault.f().equals("stop-kill")) return List.of(Keyword.of("restarted"), restart(cluster));
        Targets.Resolved t = Targets.resolve(((Keyword) fault.value()).name(), cluster, new Random(fault.draw()));
        for (String n : t.nodes()) {
            cluster.kill(n);
            killed.add(n);
        }
        List<Object> done = new ArrayList<>(List.of(Keyword.of("killed"), t.nodes()));
        if (t.noLeader()) done.add(Keyword.of("no-leader-known"));
        return done;
    }

    @Override
    public synchronized void healAll(ClusterControl cluster) throws IOException {
        restart(cluster);
    }

    private List<String> restart(ClusterControl cluster) throws IOException {
        List<String> out = new ArrayList<>(killed);
        for (String n : out) {
            if (cluster.role(n) == deltakv.nemesis.cluster.NodeRole.DOWN) cluster.start(n);
        }
        killed.clear();
        return out;
    }
}
