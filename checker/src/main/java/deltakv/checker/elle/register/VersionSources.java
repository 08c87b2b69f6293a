package deltakv.checker.elle.register;

import deltakv.checker.elle.OrderEdges;
import deltakv.checker.elle.Txn;
import deltakv.checker.elle.TxnHistory;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Where rw-register version orders come from: the initial nil precedes every value; optionally writes
 * follow reads within a transaction (wfr-keys); optionally each key is sequential (process order) or
 * linearizable (realtime order), so the state one transaction leaves precedes the state the next
 * transaction on that key sees.
 */
final class VersionSources {
    private VersionSources() {}

    static Versions initial(List<ExtTxn> txns) {
        Versions v = new Versions();
        for (ExtTxn t : txns) {
            t.writes().forEach((k, x) -> {
                if (x != null) {
                    v.link(k, null, x);
                }
            });
            if (t.txn().ok()) {
                t.reads().forEach((k, x) -> {
                    if (x != null) {
                        v.link(k, null, x);
                    }
                });
            }
        }
        return v;
    }

    static Versions writesFollowReads(List<ExtTxn> txns) {
        Versions v = new Versions();
        for (ExtTxn t : txns) {
            if (t.txn().ok()) {
                t.reads().forEach((k, x) -> {
                    if (x != null && t.writes().containsKey(k)) {
                        v.link(k, x, t.writes().get(k));
                    }
                });
            }
        }
        return v;
    }

    /** Per process, each ok transaction's final value of k precedes the next one on k's initial value. */
    static Versions sequential(List<ExtTxn> txns) {
        Versions v = new Versions();
        Map<Object, Map<Object, ExtTxn>> lastByProcessKey = new HashMap<>();
        for (ExtTxn t : txns) {
            if (!t.txn().ok()) {
                continue;
            }
            Map<Object, ExtTxn> last = lastByProcessKey.computeIfAbsent(OrderEdges.processKey(t.txn().op()),
                    p -> new HashMap<>());
            for (Object k : t.keys()) {
                ExtTxn prev = last.put(k, t);
                if (prev != null) {
                    v.link(k, prev.finalValue(k), t.initialValue(k));
                }
            }
        }
        return v;
    }

    /**
     * Per key, each ok transaction's final value precedes the initial value of every transaction on that
     * key invoked after it completed and before the first such transaction completed (the realtime
     * successors that matter; later ones follow transitively).
     */
    static Versions linearizable(List<ExtTxn> txns) {
        Versions v = new Versions();
        Map<Object, List<ExtTxn>> byKey = new HashMap<>();
        for (ExtTxn t : txns) {
            if (t.txn().ok() && t.txn().invoke() >= 0) {
                for (Object k : t.keys()) {
                    byKey.computeIfAbsent(k, x -> new ArrayList<>()).add(t);
                }
            }
        }
        byKey.forEach((k, list) -> {
            ExtTxn[] ts = list.toArray(new ExtTxn[0]);
            Arrays.sort(ts, Comparator.comparingInt(t -> t.txn().invoke()));
            int[] invokes = new int[ts.length];
            for (int i = 0; i < ts.length; i++) {
                invokes[i] = ts[i].txn().invoke();
            }
            for (ExtTxn a : ts) {
                int from = firstAfter(invokes, a.txn().position());
                int horizon = Integer.MAX_VALUE;
                for (int j = from; j < ts.length && invokes[j] < horizon; j++) {
                    v.link(k, a.finalValue(k), ts[j].initialValue(k));
                    horizon = Math.min(horizon, ts[j].txn().position());
                }
            }
        });
        return v;
    }

    private static int firstAfter(int[] sorted, int x) {
        int lo = 0;
        int hi = sorted.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (sorted[mid] <= x) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    static List<ExtTxn> ext(TxnHistory th) {
        List<ExtTxn> l = new ArrayList<>(th.size());
        for (Txn t : th.possible()) {
            l.add(ExtTxn.of(t));
        }
        return l;
    }
}
