package deltakv.nemesis;

import deltakv.nemesis.cluster.ClusterControl;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Several fault kinds as one package ({@code --nemesis partition,kill}): each fault goes to its kind's
 * nemesis, the schedules are merged in time order (each kind keeps its own), the plot bands add up, and
 * recovery heals every kind in the order given (the registry's: network first, restarts last).
 */
final class Composed implements Nemesis {
    private final Map<String, Nemesis> byKind;

    private Composed(Map<String, Nemesis> byKind) {
        this.byKind = byKind;
    }

    static NemesisPackage of(List<NemesisPackage> parts) {
        if (parts.size() == 1) return parts.get(0);
        Map<String, Nemesis> byKind = new LinkedHashMap<>();
        List<PlotBand> bands = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (NemesisPackage p : parts) {
            byKind.put(p.name(), p.nemesis());
            bands.addAll(p.plotBands());
            names.add(p.name());
        }
        return new NemesisPackage(String.join(",", names), new Composed(byKind), params -> {
            List<Fault> all = new ArrayList<>();
            for (NemesisPackage p : parts) all.addAll(p.schedule().apply(params));
            all.sort(Comparator.comparingLong(Fault::atMillis)); // stable: a kind's own order stays
            return all;
        }, bands);
    }

    @Override
    public Object invoke(Fault fault, ClusterControl cluster) throws Exception {
        Nemesis n = byKind.get(fault.kind());
        if (n == null) throw new IllegalArgumentException("no nemesis for " + fault.f() + " (have " + byKind.keySet() + ")");
        return n.invoke(fault, cluster);
    }

    /** Heals every kind, even when one fails; the first failure is rethrown at the end. */
    @Override
    public void healAll(ClusterControl cluster) throws Exception {
        Exception first = null;
        for (Nemesis n : byKind.values()) {
            try {
                n.healAll(cluster);
            } catch (Exception e) {
                if (first == null) first = e;
            }
        }
        if (first != null) throw first;
    }
}
