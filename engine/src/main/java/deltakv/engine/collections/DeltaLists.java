package deltakv.engine.collections;

import deltakv.engine.Bug;
import deltakv.engine.EngineConfig;
import deltakv.engine.PopBounds;
import deltakv.engine.txn.KeyRange;
import deltakv.engine.txn.MultiBlock;
import deltakv.engine.txn.Txn;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.function.Consumer;

/**
 * Variant delta (DELTA_DESIGN §4): pushes never write the base meta (they append a delta), pops claim
 * their element. Conflict registration, and why (see docs/engine-lists.md):
 * <ul>
 * <li>push: base meta and deltas read untracked; the stale-claim keys of its sequences and the claim key
 *     at its own bound are tracked (a pop at that end writes exactly that key, so a push that computed
 *     its position before that pop committed conflicts instead of writing at a stale position);</li>
 * <li>pop and reads: base meta and the deltas committed after the snapshot tracked: every writer of the
 *     list writes one of them, so a reading transaction (also inside MULTI/EXEC) conflicts with any
 *     concurrent write.</li>
 * </ul>
 * With {@link PopBounds#CLAIM_GC} a pop leaves the bounds (its delta is {0,0}) and the compactor's claim GC
 * moves them, so claims lie inside {@code [head, tail)}: the length is Len minus those claims, and a push
 * tracks the whole claimed range (its reply counts them).
 */
public final class DeltaLists implements ListStore {
    private static final byte[] CLAIMED = new byte[0];

    private final DeltaMetaResolver resolver;
    private final ClaimWindows claims;
    private final ClaimSkippingReader reader;
    private final Consumer<byte[]> nudge;
    private final boolean claimGc;
    private final boolean pushKeepsStaleClaim;
    private final boolean multiKeepsDeltas;
    private final boolean multiBaseOnly;
    private final long maxDeltaPagesOnDelete;
    private final int deletePage;

    public DeltaLists(EngineConfig cfg, Consumer<byte[]> syncCompaction) {
        this(cfg, syncCompaction, key -> {});
    }

    /** @param nudge asked (never blocking) to compact a list resolved over {@code maxDeltaCount} deltas */
    public DeltaLists(EngineConfig cfg, Consumer<byte[]> syncCompaction, Consumer<byte[]> nudge) {
        this.resolver = new DeltaMetaResolver(cfg.maxDeltaScanLimit(), cfg.has(Bug.TRUNCATED_DELTA_SUM), syncCompaction,
                cfg.maxDeltaCount(), nudge);
        this.claims = new ClaimWindows(cfg.claimScanWindow());
        this.reader = new ClaimSkippingReader(claims);
        this.nudge = nudge;
        this.claimGc = cfg.popBounds() == PopBounds.CLAIM_GC;
        this.pushKeepsStaleClaim = cfg.has(Bug.PUSH_KEEPS_STALE_CLAIM);
        this.multiKeepsDeltas = cfg.has(Bug.MULTI_KEEPS_DELTAS);
        this.multiBaseOnly = cfg.has(Bug.MULTI_STARTTS_BASE_ONLY);
        // del-bounded-scan: one scan bounded like the compactor's fold (maxDeltaCount), so a list with more
        // deltas than the compactor lets pile up (it is paused or behind) keeps the rest after DEL
        boolean bounded = cfg.has(Bug.DEL_BOUNDED_SCAN);
        this.maxDeltaPagesOnDelete = bounded ? 1 : Long.MAX_VALUE;
        this.deletePage = bounded ? cfg.maxDeltaCount() : RangeEraser.PAGE;
    }

    @Override
    public long push(Txn txn, byte[] key, End end, List<byte[]> values) {
        ListMeta m = resolve(txn, key, false);
        int n = values.size();
        txn.trackRead(ListKeys.claim(key, end == End.RIGHT ? m.tail() - 1 : m.head()));
        long lo = end == End.RIGHT ? m.tail() : m.head() - n;
        for (int i = 0; i < n; i++) {
            long seq = end == End.RIGHT ? m.tail() + i : m.head() - 1 - i;
            txn.put(ListKeys.item(key, seq), values.get(i));
        }
        if (!pushKeepsStaleClaim) {
            // A sequence popped earlier (and recycled now) still carries its claim; it would hide the new item.
            for (Txn.KV c : txn.scan(ListKeys.claims(key, lo, lo + n), n, false, true)) txn.delete(c.key());
        }
        record(txn, key, m, end == End.RIGHT ? ListDelta.rightPush(n) : ListDelta.leftPush(n));
        // claim-gc: a pop anywhere in the range changes the reply, so the push conflicts with it
        return live(txn, key, m, true) + n;
    }

    @Override
    public List<byte[]> pop(Txn txn, byte[] key, End end, long count) {
        ListMeta m = resolve(txn, key, true);
        if (claimGc) return popLeavingBounds(txn, key, end, count, m);
        List<byte[]> out = new ArrayList<>();
        long head = m.head();
        long len = m.len();
        while (out.size() < count && len > 0) {
            OptionalLong seq = claims.firstUnclaimed(txn, key, end, head, head + len);
            if (seq.isEmpty()) break;
            out.add(claim(txn, key, seq.getAsLong()));
            if (end == End.LEFT) head++;
            len--;
        }
        int k = out.size();
        if (k > 0) record(txn, key, m, end == End.LEFT ? new ListDelta(k, -k) : new ListDelta(0, -k));
        return out;
    }

    /**
     * Claim-gc's pop: claims the first unclaimed sequences from its end and leaves the bounds. {@code [lo, hi)} is
     * the part of the range not searched yet, so a pop with a count scans each claim once. A {0,0} delta tells
     * readers and the compactor that the list changed; a run of claims a window long asks for a compaction
     * now, since every LLEN and push counts the claims inside the range until the claim GC moves the bound.
     */
    private List<byte[]> popLeavingBounds(Txn txn, byte[] key, End end, long count, ListMeta m) {
        List<byte[]> out = new ArrayList<>();
        long lo = m.head();
        long hi = m.tail();
        while (out.size() < count && lo < hi) {
            OptionalLong seq = claims.firstUnclaimed(txn, key, end, lo, hi);
            if (seq.isEmpty()) break;
            long s = seq.getAsLong();
            out.add(claim(txn, key, s));
            if (end == End.LEFT) lo = s + 1;
            else hi = s;
        }
        if (out.isEmpty()) return out;
        record(txn, key, m, ListDelta.ZERO);
        if ((end == End.LEFT ? lo - m.head() : m.tail() - hi) >= claims.window()) nudge.accept(key);
        return out;
    }

    /** Puts the claim of {@code seq} and returns its element. */
    private static byte[] claim(Txn txn, byte[] key, long seq) {
        byte[] item = txn.getUntracked(ListKeys.item(key, seq));
        if (item == null) throw new IllegalStateException("list item missing at sequence " + seq);
        txn.put(ListKeys.claim(key, seq), CLAIMED);
        return item;
    }

    private ListMeta resolve(Txn txn, byte[] key, boolean track) {
        if (multiBaseOnly && MultiBlock.in(txn)) return StoredBase.decode(txn.get(ListKeys.baseMeta(key))).meta();
        return resolver.resolve(txn, key, track);
    }

    /** A push's or pop's change {@code d} to the list whose meta it resolved as {@code m}: a delta record. */
    private void record(Txn txn, byte[] key, ListMeta m, ListDelta d) {
        if ((multiKeepsDeltas || multiBaseOnly) && MultiBlock.in(txn)) {
            writeBaseInMulti(txn, key, m.plus(d));
            return;
        }
        PendingDeltas.of(txn).emit(txn, key, d);
    }

    /**
     * Upstream's MULTI path, re-created by two bug flags: it writes the new meta into the base record.
     * {@code multi-keeps-deltas} keeps the fold mark, so the deltas already summed into {@code meta} stay live
     * and count twice; {@code multi-startts-base-only} resolved from the base alone and moves the mark to its
     * snapshot, so every delta committed up to then is dropped without having been counted.
     */
    private void writeBaseInMulti(Txn txn, byte[] key, ListMeta meta) {
        byte[] baseKey = ListKeys.baseMeta(key);
        StoredBase old = StoredBase.decode(txn.getUntracked(baseKey));
        byte[] mark = multiBaseOnly ? FoldMark.atSnapshot(txn.startTs()) : old.foldMark();
        txn.put(baseKey, new StoredBase(meta, mark, old.claimFloor(), old.claimCeiling()).encode());
        resolver.forget(txn, key);
    }

    /**
     * Elements of the list {@code m}: its Len, less (claim-gc) the claimed sequences inside its range. Readers
     * need not track those claims: they track the base meta and the deltas, one of which every pop writes.
     */
    private long live(Txn txn, byte[] key, ListMeta m, boolean trackClaims) {
        return claimGc ? m.len() - claims.count(txn, key, m.head(), m.tail(), trackClaims) : m.len();
    }

    @Override
    public long length(Txn txn, byte[] key) {
        ListMeta m = resolve(txn, key, true);
        return live(txn, key, m, false);
    }

    @Override
    public List<byte[]> range(Txn txn, byte[] key, long start, long stop) {
        ListMeta m = resolve(txn, key, true);
        return reader.read(txn, key, m, IndexWindow.range(start, stop, live(txn, key, m, false)));
    }

    @Override
    public byte[] index(Txn txn, byte[] key, long index) {
        ListMeta m = resolve(txn, key, true);
        List<byte[]> one = reader.read(txn, key, m, IndexWindow.single(index, live(txn, key, m, false)));
        return one.isEmpty() ? null : one.get(0);
    }

    /**
     * Sums the deltas while deleting them (no hard limit: DEL reads them all anyway), erases items, claims
     * and base meta (a tombstone even if there was none), cancels this transaction's own pending deltas,
     * and writes tombstones on the claim keys at both bounds: a push that read the old bounds tracks one of
     * them, so it conflicts rather than appending a delta to a deleted list.
     */
    @Override
    public boolean delete(Txn txn, byte[] key) {
        byte[] baseKey = ListKeys.baseMeta(key);
        byte[] base = txn.get(baseKey);
        ListMeta m = ListMeta.decode(base);
        long deltas = 0;
        KeyRange range = ListKeys.deltaRange(key);
        byte[] from = range.start();
        for (long page = 0; page < maxDeltaPagesOnDelete; page++) {
            List<Txn.KV> kvs = txn.scan(new KeyRange(from, range.end()), deletePage, false, true);
            for (Txn.KV kv : kvs) {
                if (ListKeys.isPendingDelta(kv.key())) continue; // cancelled below
                m = m.plus(ListDelta.decode(kv.value()));
                txn.delete(kv.key());
            }
            deltas += kvs.size();
            if (kvs.size() < deletePage) break;
            from = RangeEraser.successor(kvs.get(kvs.size() - 1).key());
        }
        resolver.forget(txn, key); // its base meta and deltas are gone for the rest of this transaction
        PendingDeltas pending = PendingDeltas.of(txn);
        // Items and claims exist only alongside a base meta or a delta (committed or pending).
        if (base == null && deltas == 0 && !pending.touched(key)) return false;
        m = m.plus(pending.sum(key));
        long elements = live(txn, key, m, false); // before the claims go
        long other = RangeEraser.eraseAll(txn, ListKeys.items(key)) + RangeEraser.eraseAll(txn, ListKeys.claims(key));
        // also when there is no base: a reader tracks the base key and only the deltas committed after its
        // snapshot, so deleting older deltas alone would not reach it
        txn.delete(baseKey);
        pending.cancel(txn, key);
        if (base != null || deltas > 0 || other > 0) {
            txn.delete(ListKeys.claim(key, m.head()));
            txn.delete(ListKeys.claim(key, m.tail() - 1));
        }
        return elements > 0;
    }
}
