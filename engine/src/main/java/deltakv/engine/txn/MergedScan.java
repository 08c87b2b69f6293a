package deltakv.engine.txn;

import deltakv.engine.storage.KV;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;

/** Merges a snapshot scan of the store with a transaction's pending writes (pending ones win). */
final class MergedScan {
    private MergedScan() {}

    /**
     * @param stored  store entries in scan order
     * @param pending pending writes of the same range, in the same order
     */
    static List<Txn.KV> merge(List<KV> stored, NavigableMap<byte[], PendingWrite> pending, boolean reverse, int limit) {
        List<Txn.KV> out = new ArrayList<>(Math.min(limit, stored.size() + pending.size()));
        Iterator<KV> s = stored.iterator();
        Iterator<Map.Entry<byte[], PendingWrite>> p = pending.entrySet().iterator();
        KV sv = s.hasNext() ? s.next() : null;
        Map.Entry<byte[], PendingWrite> pv = p.hasNext() ? p.next() : null;
        while (out.size() < limit && (sv != null || pv != null)) {
            // c < 0: the store entry comes first in scan order; c == 0: same key, pending wins
            int c;
            if (sv == null) c = 1;
            else if (pv == null) c = -1;
            else c = reverse ? Bytes.compare(pv.getKey(), sv.key()) : Bytes.compare(sv.key(), pv.getKey());
            if (c < 0) {
                out.add(new Txn.KV(sv.key(), sv.value()));
                sv = s.hasNext() ? s.next() : null;
                continue;
            }
            byte[] v = pv.getValue().visibleValue();
            if (v != null) out.add(new Txn.KV(pv.getKey(), v));
            if (c == 0) sv = s.hasNext() ? s.next() : null;
            pv = p.hasNext() ? p.next() : null;
        }
        return out;
    }

    /** How many store entries the pending writes can hide: fetch this many more than the limit. */
    static int hiddenAtMost(NavigableMap<byte[], PendingWrite> pending) {
        int n = 0;
        for (PendingWrite w : pending.values()) if (w.visibleValue() == null) n++;
        return n;
    }
}
