package deltakv.checker.elle;

import java.util.Collection;
import java.util.Set;

/**
 * Which anomalies imply which (Elle's implied-anomaly graph, after Adya): G0 implies G1c, a -process
 * anomaly implies its -realtime variant (processes are sequential), lost-update implies G2-item, and so on.
 */
public final class AnomalyLattice {
    static final Dag IMPLIES = new Dag();

    static {
        Dag d = IMPLIES;
        d.edges("G0", "G1c", "G0-process");
        d.edges("G0-process", "G1c-process", "G0-realtime");
        d.edges("G0-realtime", "G1c-realtime");
        d.edges("G1a", "G1");
        d.edges("G1b", "G1");
        d.edges("G1c", "G1", "G1c-process");
        d.edges("G1c-process", "G1c-realtime", "G1-process");
        d.edges("G1c-realtime", "G1-realtime");
        d.edges("G1", "G1-process");
        d.edges("G1-process", "G1-realtime");
        d.edges("G-single-item", "G-single", "G-single-item-process", "G-nonadjacent-item");
        d.edges("G-single-item-process", "G-single-process", "G-single-item-realtime", "G-nonadjacent-item-process");
        d.edges("G-single-item-realtime", "G-single-realtime", "G-nonadjacent-item-realtime");
        d.edges("G-single", "G-nonadjacent", "GSIb", "G-single-process");
        d.edges("G-single-process", "G-nonadjacent-process", "G-single-realtime");
        d.edges("G-single-realtime", "G-nonadjacent-realtime");
        d.edges("G-nonadjacent-item", "G-nonadjacent", "G2-item", "G-nonadjacent-item-process");
        d.edges("G-nonadjacent-item-process", "G-nonadjacent-process", "G2-item-process", "G-nonadjacent-item-realtime");
        d.edges("G-nonadjacent-item-realtime", "G2-item-realtime", "G-nonadjacent-realtime");
        d.edges("G-nonadjacent", "G2", "G-nonadjacent-process");
        d.edges("G-nonadjacent-process", "G2-process", "G-nonadjacent-realtime");
        d.edges("G-nonadjacent-realtime", "G2-realtime");
        d.edges("G2", "G2-process");
        d.edges("G2-item", "G2", "G2-item-process");
        d.edges("G2-item-process", "G2-process", "G2-item-realtime");
        d.edges("G2-item-realtime", "G2-realtime");
        d.edges("G2-process", "G2-realtime");
        d.edges("GSIa", "GSI");
        d.edges("GSIb", "GSI");
        d.edges("incompatible-order", "G1a");
        d.edges("future-read", "G1c");
        d.edges("dirty-update", "G1a");
        d.edges("lost-update", "write-skew", "G2-item");
        d.edges("write-skew", "G2");
    }

    private AnomalyLattice() {}

    /** The anomalies plus every anomaly they imply. */
    public static Set<String> implied(Collection<String> anomalies) {
        return IMPLIES.downstream(anomalies);
    }

    /** The anomalies plus every anomaly that would imply one of them. */
    public static Set<String> implying(Collection<String> anomalies) {
        return IMPLIES.upstream(anomalies);
    }
}
