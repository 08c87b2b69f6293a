package deltakv.nemesis.net;

import deltakv.checker.history.Keyword;
import deltakv.nemesis.Cycle;
import deltakv.nemesis.Fault;
import deltakv.nemesis.Nemesis;
import deltakv.nemesis.NemesisPackage;
import deltakv.nemesis.PlotBand;
import deltakv.nemesis.Targets;
import deltakv.nemesis.cluster.ClusterControl;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * {@code --nemesis slow}: every link to and from the target nodes ({@code one}, {@code minority},
 * {@code majority}, {@code all}) is delayed ({@value #DELAY_MS} ± {@value #JITTER_MS} ms per crossing) or
 * throttled ({@value #RATE} bytes/s), chosen by the fault's draw, as Jepsen's packet {@code :delay} and
 * {@code :rate}. Records {@code [:slowed ["n1"] {:delay-ms 50, :jitter-ms 10}]}; the stop restores them.
 */
public final class Slow implements Nemesis {
    public static final List<String> TARGETS = List.of("one", "minority", "majority", "all");
    static final long DELAY_MS = 50;
    static final long JITTER_MS = 10;
    static final long RATE = 256 * 1024;

    private Slow() {}

    public static NemesisPackage create(List<String> targets) {
        return new NemesisPackage("slow", new Slow(), p -> Cycle.of("slow", targets, p),
                List.of(new PlotBand("slow", "start-slow", "stop-slow", 0xA6D96A)));
    }

    @Override
    public Object invoke(Fault fault, ClusterControl cluster) {
        ProxyMesh mesh = ProxyMesh.of(cluster);
        if (fault.f().equals("stop-slow")) {
            mesh.unshapeAll();
            return Keyword.of("links-restored");
        }
        Random r = new Random(fault.draw());
        Targets.Resolved t = Targets.resolve(((Keyword) fault.value()).name(), cluster, r);
        boolean delay = r.nextBoolean();
        mesh.unshapeAll(); // a new slow fault replaces the last one
        for (Link l : mesh.links()) {
            if (!t.nodes().contains(l.from()) && !t.nodes().contains(l.to())) continue;
            if (delay) l.shape(DELAY_MS, JITTER_MS, 0);
            else l.shape(0, 0, RATE);
        }
        Map<Keyword, Long> how = new LinkedHashMap<>();
        if (delay) {
            how.put(Keyword.of("delay-ms"), DELAY_MS);
            how.put(Keyword.of("jitter-ms"), JITTER_MS);
        } else {
            how.put(Keyword.of("bytes-per-second"), RATE);
        }
        return new ArrayList<>(List.of(Keyword.of("slowed"), t.nodes(), how));
    }

    @Override
    public void healAll(ClusterControl cluster) {
        cluster.network().ifPresent(ProxyMesh::unshapeAll);
    }
}
