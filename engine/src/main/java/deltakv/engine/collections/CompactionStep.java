package deltakv.engine.collections;

import deltakv.engine.txn.KeyRange;
import deltakv.engine.txn.Txn;
import java.util.List;

/**
 * One compaction transaction for one list: tracks the base meta, folds at most
 * {@code maxKeysPerCompactionTx} deltas into it and deletes them (deltas committed after this snapshot
 * are not seen and survive) and records the last folded one as the base's {@link FoldMark}; then, only
 * when every delta was folded, so the bounds are exact, collects claims with the remaining budget. The
 * base meta is kept even at Len = 0; only DEL removes it.
 */
final class CompactionStep implements DeltaFold {

    private final int budget;
    private final ClaimGc gc;
    private final boolean dropsEmptyMeta;

    CompactionStep(int budget, ClaimGc gc) {
        this(budget, gc, false);
    }

    /**
     * @param dropsEmptyMeta the {@code empty-list-drops-meta} bug flag: a list folded to Len 0 loses its base
     *                       meta (and gets no claim GC), so its bounds restart from 0 while a push that resolved
     *                       the old bounds (base read untracked, its tracked claim untouched) still writes its
     *                       element and delta at the old position
     */
    CompactionStep(int budget, ClaimGc gc, boolean dropsEmptyMeta) {
        this.budget = Math.max(2, budget);
        this.gc = gc;
        this.dropsEmptyMeta = dropsEmptyMeta;
    }

    @Override
    public String type() {
        return "list";
    }

    @Override
    public KeyRange namespace() {
        return ListKeys.deltaNamespace();
    }

    @Override
    public byte[] userKeyOf(byte[] deltaKey) {
        return ListKeys.userKeyOfDelta(deltaKey);
    }

    @Override
    public byte[] deltaPrefix(byte[] userKey) {
        return ListKeys.deltaPrefix(userKey);
    }

    @Override
    public Result step(Txn txn, byte[] key) {
        byte[] baseKey = ListKeys.baseMeta(key);
        byte[] base = txn.get(baseKey);
        StoredBase stored = StoredBase.decode(base);
        ListMeta meta = stored.meta();
        long floor = stored.claimFloor();
        long ceiling = stored.claimCeiling();
        List<Txn.KV> deltas = txn.scan(FoldMark.liveDeltas(key, base), budget + 1, false, false);
        boolean moreDeltas = deltas.size() > budget;
        List<Txn.KV> folded = moreDeltas ? deltas.subList(0, budget) : deltas;
        for (Txn.KV d : folded) {
            // a pop in this delta's commit claimed at or above the Head (below the Tail) it saw, which is
            // the running sum so far: widen the claim bounds to it
            if (floor != StoredBase.NO_FLOOR) floor = Math.min(floor, meta.head());
            if (ceiling != StoredBase.NO_CEILING) ceiling = Math.max(ceiling, meta.tail());
            meta = meta.plus(ListDelta.decode(d.value()));
            txn.delete(d.key());
        }
        if (dropsEmptyMeta && !moreDeltas && meta.len() == 0 && !folded.isEmpty()) {
            txn.delete(baseKey); // "the list is gone": no claim GC either, its claims and items stay behind
            return new Result(folded.size(), 0, false);
        }
        long claims = 0;
        boolean moreGc = false;
        if (!moreDeltas) {
            ClaimGc.Result r = gc.collect(txn, key, meta, budget - folded.size(), floor, ceiling);
            meta = r.meta();
            claims = r.claims();
            moreGc = r.more();
            floor = r.floor();
            ceiling = r.ceiling();
        }
        byte[] mark = folded.isEmpty() ? stored.foldMark() : FoldMark.ofDeltaKey(folded.get(folded.size() - 1).key());
        if (!folded.isEmpty() || claims > 0) txn.put(baseKey, new StoredBase(meta, mark, floor, ceiling).encode());
        return new Result(folded.size(), claims, moreDeltas || moreGc);
    }
}
