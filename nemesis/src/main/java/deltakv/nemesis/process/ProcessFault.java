package deltakv.nemesis.process;

import deltakv.checker.history.Keyword;
import deltakv.nemesis.Fault;
import deltakv.nemesis.Nemesis;
import deltakv.nemesis.Targets;
import deltakv.nemesis.cluster.ClusterControl;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;

/**
 * A fault done to node processes and undone later (kill → restart, pause → resume): the start resolves its
 * target and records {@code [:<done> nodes]}, the stop (and recovery) undoes it on every node it hit and
 * records {@code [:<undone> nodes]}.
 */
abstract class ProcessFault implements Nemesis {
    private final String done;
    private final String undone;
    private final Set<String> hit = new TreeSet<>();

    ProcessFault(String done, String undone) {
        this.done = done;
        this.undone = undone;
    }

    abstract void apply(ClusterControl cluster, String node) throws IOException;

    abstract void undo(ClusterControl cluster, String node) throws IOException;

    @Override
    public synchronized Object invoke(Fault fault, ClusterControl cluster) throws IOException {
        if (fault.f().startsWith("stop-")) return List.of(Keyword.of(undone), undoAll(cluster));
        Targets.Resolved t = Targets.resolve(((Keyword) fault.value()).name(), cluster, new Random(fault.draw()));
        for (String n : t.nodes()) {
            apply(cluster, n);
            hit.add(n);
        }
        List<Object> out = new ArrayList<>(List.of(Keyword.of(done), t.nodes()));
        if (t.noLeader()) out.add(Keyword.of("no-leader-known"));
        return out;
    }

    @Override
    public synchronized void healAll(ClusterControl cluster) throws IOException {
        undoAll(cluster);
    }

    private List<String> undoAll(ClusterControl cluster) throws IOException {
        List<String> out = new ArrayList<>(hit);
        for (String n : out) undo(cluster, n);
        hit.clear();
        return out;
    }
}
