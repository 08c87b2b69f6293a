package deltakv.nemesis.partition;

import deltakv.checker.history.Keyword;
import deltakv.nemesis.Cycle;
import deltakv.nemesis.Fault;
import deltakv.nemesis.Nemesis;
import deltakv.nemesis.NemesisPackage;
import deltakv.nemesis.PlotBand;
import deltakv.nemesis.cluster.ClusterControl;
import deltakv.nemesis.net.ProxyMesh;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * {@code --nemesis partition}: cuts links by a {@link Grudges} shape, heals them all later. Records
 * {@code [:isolated {"n1" #{"n2" "n3"}, …}]} — who cannot talk to whom — as Jepsen does.
 */
public final class Partition implements Nemesis {
    private Partition() {}

    public static NemesisPackage create(List<String> shapes) {
        return new NemesisPackage("partition", new Partition(), p -> Cycle.of("partition", shapes, p),
                List.of(new PlotBand("partition", "start-partition", "stop-partition", 0xF4A582)));
    }

    @Override
    public Object invoke(Fault fault, ClusterControl cluster) {
        ProxyMesh mesh = ProxyMesh.of(cluster);
        if (fault.f().equals("stop-partition")) {
            mesh.uncutAll();
            return Keyword.of("network-healed");
        }
        String shape = ((Keyword) fault.value()).name();
        Map<String, Set<String>> grudge = Grudges.of(shape, cluster.nodes(),
                shape.equals("leader") ? cluster.likelyLeader() : java.util.Optional.empty(), new Random(fault.draw()));
        mesh.uncutAll(); // a new shape replaces the last one
        grudge.forEach((a, bs) -> bs.forEach(b -> mesh.cutBetween(a, b)));
        return List.of(Keyword.of("isolated"), grudge);
    }

    @Override
    public void healAll(ClusterControl cluster) {
        cluster.network().ifPresent(ProxyMesh::uncutAll);
    }
}
