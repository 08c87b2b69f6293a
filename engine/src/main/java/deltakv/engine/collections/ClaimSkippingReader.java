package deltakv.engine.collections;

import deltakv.engine.txn.Txn;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Reads logical elements of a delta list at the transaction's one snapshot, skipping claimed sequences.
 * Fast path: no claim inside {@code [head, tail)} (always so with the default pop bounds, since a pop's
 * delta moves the bound past its claim in the same commit; with claim-gc, until the next pop) → one item
 * range scan.
 */
final class ClaimSkippingReader {
    private final ClaimWindows claims;

    ClaimSkippingReader(ClaimWindows claims) {
        this.claims = claims;
    }

    List<byte[]> read(Txn txn, byte[] key, ListMeta m, IndexWindow w) {
        if (w.isEmpty()) return List.of();
        if (!claims.anyClaim(txn, key, m.head(), m.tail())) {
            long from = m.head() + w.first();
            return values(txn.scan(ListKeys.items(key, from, from + w.size()), w.limit(), false, false));
        }
        return walk(txn, key, m, w);
    }

    private List<byte[]> walk(Txn txn, byte[] key, ListMeta m, IndexWindow w) {
        List<byte[]> out = new ArrayList<>();
        long logical = 0;
        int window = claims.window();
        for (long lo = m.head(); lo < m.tail() && out.size() < w.size(); lo += window) {
            long hi = Math.min(lo + window, m.tail());
            Set<Long> claimed = claims.claimed(txn, key, lo, hi);
            for (Txn.KV kv : txn.scan(ListKeys.items(key, lo, hi), window, false, false)) {
                if (claimed.contains(ListKeys.seqOf(kv.key()))) continue;
                if (logical >= w.first() && out.size() < w.size()) out.add(kv.value());
                logical++;
            }
        }
        return out;
    }

    private static List<byte[]> values(List<Txn.KV> kvs) {
        List<byte[]> out = new ArrayList<>(kvs.size());
        for (Txn.KV kv : kvs) out.add(kv.value());
        return out;
    }
}
