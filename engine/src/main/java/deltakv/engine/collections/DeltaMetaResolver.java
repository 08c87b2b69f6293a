package deltakv.engine.collections;

import deltakv.engine.txn.ConflictException;
import deltakv.engine.txn.Txn;
import java.util.List;
import java.util.function.Consumer;

/**
 * Effective list metadata = base + Σ committed deltas at the snapshot + this transaction's pending deltas.
 * Never returns a truncated sum: at {@code maxDeltaScanLimit} deltas it runs a synchronous compaction of
 * the key (its own transaction) and throws {@link ConflictException} so the caller's body is retried.
 */
final class DeltaMetaResolver {
    private final int scanLimit;
    private final boolean truncatedSumBug;
    private final Consumer<byte[]> syncCompaction;
    private final int nudgeAt;
    private final Consumer<byte[]> nudge;

    /**
     * @param nudgeAt deltas at which {@code nudge} asks for a background compaction of the key
     *                ({@code maxDeltaCount}); it never blocks the caller
     */
    DeltaMetaResolver(int scanLimit, boolean truncatedSumBug, Consumer<byte[]> syncCompaction, int nudgeAt,
                      Consumer<byte[]> nudge) {
        this.scanLimit = scanLimit;
        this.truncatedSumBug = truncatedSumBug;
        this.syncCompaction = syncCompaction;
        this.nudgeAt = Math.max(1, nudgeAt);
        this.nudge = nudge;
    }

    /**
     * @param track register base meta and the range of deltas committed after the snapshot (where every
     *              concurrent writer's delta lands) for conflicts (readers and pops); pushes pass false
     *              (DELTA_DESIGN §4: push reads base meta untracked)
     */
    ListMeta resolve(Txn txn, byte[] key, boolean track) {
        ResolvedMetas memo = ResolvedMetas.of(txn);
        ResolvedMetas.Resolved r = memo.get(key, track);
        if (r == null) {
            r = new ResolvedMetas.Resolved(committed(txn, key, track), track);
            memo.put(key, r);
        }
        return r.committed().plus(PendingDeltas.of(txn).sum(key));
    }

    /** The transaction deleted the list's base meta and deltas: resolve again next time. */
    void forget(Txn txn, byte[] key) {
        ResolvedMetas.of(txn).forget(key);
    }

    /** Base + Σ committed deltas at the snapshot (one point get, one scan of the deltas above the fold mark). */
    private ListMeta committed(Txn txn, byte[] key, boolean track) {
        byte[] baseKey = ListKeys.baseMeta(key);
        byte[] base = track ? txn.get(baseKey) : txn.getUntracked(baseKey);
        List<Txn.KV> deltas = txn.scan(FoldMark.liveDeltas(key, base), scanLimit, false, false);
        if (deltas.size() >= scanLimit && !truncatedSumBug) {
            syncCompaction.accept(key);
            throw new ConflictException(ListKeys.deltaPrefix(key));
        }
        // Deltas at or below the snapshot can only change by being deleted, and whoever deletes them (the
        // compactor, DEL) also writes the tracked base meta; so registering the deltas committed after the
        // snapshot is enough, and OCC does not re-walk the live deltas at commit (DELTA_DESIGN §4 names
        // "the delta key range after startTS").
        if (track) txn.trackRange(ListKeys.deltasCommittedAfter(key, txn.startTs()));
        if (deltas.size() >= nudgeAt) nudge.accept(key);
        ListMeta m = ListMeta.decode(base);
        for (Txn.KV d : deltas) if (!ListKeys.isPendingDelta(d.key())) m = m.plus(ListDelta.decode(d.value()));
        return m;
    }
}
