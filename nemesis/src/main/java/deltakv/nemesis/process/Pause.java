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
 * {@code --nemesis pause}: SIGSTOP {@code one} / {@code leader} / {@code minority}, SIGCONT later — a node
 * that is alive to the kernel but silent (a long GC pause, a stalled VM). Records {@code [:paused …]} and
 * {@code [:resumed …]}.
 */
public final class Pause implements Nemesis {
    public static final List<String> TARGETS = List.of("one", "leader", "minority");
    private final Set<String> paused = new TreeSet<>();

    private Pause() {}

    public static NemesisPackage create(List<String> targets) {
        return new NemesisPackage("pause", new Pause(), p -> Cycle.of("pause", targets, p),
                List.of(new PlotBand("pause", "start-pause", "stop-pause", 0x92C5DE)));
    }

    @Override
    public synchronized Object invoke(Fault fault, ClusterControl cluster) throws IOException {
        if (fault.f().equals("stop-pause")) return List.of(Keyword.of("resumed"), resume(cluster));
        Targets.Resolved t = Targets.resolve(((Keyword) fault.value()).name(), cluster, new Random(fault.draw()));
        for (String n : t.nodes()) {
            cluster.pause(n);
            paused.add(n);
        }
        List<Object> done = new ArrayList<>(List.of(Keyword.of("paused"), t.nodes()));
        if (t.noLeader()) done.add(Keyword.of("no-leader-known"));
        return done;
    }

    @Override
    public synchronized void healAll(ClusterControl cluster) throws IOException {
        resume(cluster);
    }

    private List<String> resume(ClusterControl cluster) throws IOException {
        List<String> out = new ArrayList<>(paused);
        for (String n : out) cluster.resume(n);
        paused.clear();
        return out;
    }
}
