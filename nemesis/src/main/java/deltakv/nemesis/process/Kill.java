package deltakv.nemesis.process;

import deltakv.nemesis.Cycle;
import deltakv.nemesis.NemesisPackage;
import deltakv.nemesis.PlotBand;
import deltakv.nemesis.cluster.ClusterControl;
import java.io.IOException;
import java.util.List;

/**
 * {@code --nemesis kill}: SIGKILL {@code one} / {@code leader} / {@code minority} / {@code all} nodes, restart
 * them later on the same data directory. Records {@code [:killed ["n2"]]} and {@code [:restarted ["n2"]]}.
 */
public final class Kill extends ProcessFault {
    public static final List<String> TARGETS = List.of("one", "leader", "minority", "all");

    private Kill() {
        super("killed", "restarted");
    }

    public static NemesisPackage create(List<String> targets) {
        return new NemesisPackage("kill", new Kill(), p -> Cycle.of("kill", targets, p),
                List.of(new PlotBand("kill", "start-kill", "stop-kill", 0x8073AC)));
    }

    @Override
    void apply(ClusterControl cluster, String node) {
        cluster.kill(node);
    }

    @Override
    void undo(ClusterControl cluster, String node) throws IOException {
        if (!cluster.running(node)) cluster.start(node); // a busy node may miss a role probe, yet it runs
    }
}
