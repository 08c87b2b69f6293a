package deltakv.nemesis.process;

import deltakv.nemesis.Cycle;
import deltakv.nemesis.NemesisPackage;
import deltakv.nemesis.PlotBand;
import deltakv.nemesis.cluster.ClusterControl;
import java.io.IOException;
import java.util.List;

/**
 * {@code --nemesis pause}: SIGSTOP {@code one} / {@code leader} / {@code minority}, SIGCONT later — a node
 * that is alive to the kernel but silent (a long GC pause, a stalled VM). Records {@code [:paused …]} and
 * {@code [:resumed …]}.
 */
public final class Pause extends ProcessFault {
    public static final List<String> TARGETS = List.of("one", "leader", "minority");

    private Pause() {
        super("paused", "resumed");
    }

    public static NemesisPackage create(List<String> targets) {
        return new NemesisPackage("pause", new Pause(), p -> Cycle.of("pause", targets, p),
                List.of(new PlotBand("pause", "start-pause", "stop-pause", 0x92C5DE)));
    }

    @Override
    void apply(ClusterControl cluster, String node) throws IOException {
        cluster.pause(node);
    }

    @Override
    void undo(ClusterControl cluster, String node) throws IOException {
        cluster.resume(node);
    }
}
