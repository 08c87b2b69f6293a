package deltakv.checker.elle.append;

import deltakv.checker.elle.AnomalyCase;
import deltakv.checker.elle.Anomalies;
import deltakv.checker.elle.TxnHistory;
import deltakv.checker.history.EdnPrinter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The list-append anomalies that need no cycle: aborted and intermediate reads (G1a, G1b), incompatible
 * orders, duplicate elements, dirty updates, lost updates, internal and future reads.
 */
public final class AppendAnomalies {
    private AppendAnomalies() {}

    public static void findAll(TxnHistory th, AppendIndex idx, Anomalies out) {
        AbortedReads.find(th, idx, out);
        incompatibleOrders(idx, out);
        Duplicates.find(th, idx, out);
        DirtyUpdates.find(th, idx, out);
        LostUpdates.find(th, out);
        InternalReads.find(th, out);
    }

    /** The first pair of reads (shortest first) where the shorter is not a prefix of the longer. */
    private static void incompatibleOrders(AppendIndex idx, Anomalies out) {
        idx.incompatibleReads().forEach((k, values) -> {
            for (int i = 0; i + 1 < values.size(); i++) {
                List<?> a = values.get(i);
                List<?> b = values.get(i + 1);
                if (!AppendIndex.isPrefix(a, b)) {
                    Map<String, Object> d = new LinkedHashMap<>();
                    d.put("key", k);
                    d.put("values", List.of(a, b));
                    out.add(new AnomalyCase("incompatible-order", d, "Key " + EdnPrinter.print(k)
                            + " was read as " + EdnPrinter.print(a) + " and as " + EdnPrinter.print(b)
                            + ": neither is a prefix of the other, so no single order of appends explains both."));
                    return;
                }
            }
        });
    }
}
