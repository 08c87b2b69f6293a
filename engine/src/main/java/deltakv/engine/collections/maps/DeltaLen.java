package deltakv.engine.collections.maps;

import deltakv.engine.collections.KeyCodec;
import deltakv.engine.collections.RangeEraser;
import deltakv.engine.txn.ConflictException;
import deltakv.engine.txn.Txn;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.function.Consumer;

/**
 * Len as base + Σ deltas (DELTA_DESIGN §3–§5): a writer that changes the cardinality appends a delta record
 * under its own commit ts and reads nothing, so writers of distinct fields never conflict on metadata.
 * A reader registers the base and the range where every later delta lands, so a MULTI/EXEC that reads a
 * Len conflicts with any concurrent writer that changes it. Never a truncated sum: at
 * {@code scanLimit} deltas the key is compacted synchronously and the body retried.
 */
final class DeltaLen implements Cardinality {
    private final MapKeys keys;
    private final int scanLimit;
    private final boolean truncatedSumBug;
    private final Consumer<byte[]> syncCompaction;
    private final int nudgeAt;
    private final Consumer<byte[]> nudge;
    /**
     * Deltas written per key since the last nudge, approximately (keys share slots by hash). Why: writers
     * never resolve a Len, so unlike a list's pushes they would never see a pile of deltas; a hot hash took
     * 5,000 new fields a second between compactor ticks, and its first HLEN then had to wait for the
     * hard-limit compaction of 150,000 deltas. A shared slot only makes some nudges early.
     */
    private final AtomicIntegerArray written = new AtomicIntegerArray(1024);

    DeltaLen(MapKeys keys, int scanLimit, boolean truncatedSumBug, Consumer<byte[]> syncCompaction, int nudgeAt,
             Consumer<byte[]> nudge) {
        this.keys = keys;
        this.scanLimit = scanLimit;
        this.truncatedSumBug = truncatedSumBug;
        this.syncCompaction = syncCompaction;
        this.nudgeAt = Math.max(1, nudgeAt);
        this.nudge = nudge;
    }

    @Override
    public long len(Txn txn, byte[] key) {
        byte[] prefix = keys.deltaPrefix(key);
        PendingLens lens = PendingLens.of(txn);
        Long committed = lens.committed(prefix);
        if (committed == null) {
            committed = committed(txn, key);
            lens.resolved(prefix, committed);
        }
        return committed + lens.pending(prefix);
    }

    private long committed(Txn txn, byte[] key) {
        LenBase base = LenBase.decode(txn.get(keys.baseMeta(key)));
        List<Txn.KV> deltas = txn.scan(base.liveDeltas(keys, key), scanLimit, false, false);
        if (deltas.size() >= scanLimit && !truncatedSumBug) {
            syncCompaction.accept(key);
            throw new ConflictException(keys.deltaPrefix(key));
        }
        // deltas at or below the snapshot change only by being folded or deleted, and the compactor and DEL
        // write the (tracked) base: tracking the range above the snapshot is enough
        txn.trackRange(keys.deltasCommittedAfter(key, txn.startTs()));
        if (deltas.size() >= nudgeAt) nudge.accept(key);
        long len = base.len();
        for (Txn.KV d : deltas) if (!keys.isPendingDelta(d.key())) len += KeyCodec.getLong(d.value(), 0);
        return len;
    }

    @Override
    public void add(Txn txn, byte[] key, long d) {
        PendingLens.of(txn).emit(txn, keys.deltaPrefix(key), d);
        int slot = Arrays.hashCode(key) & (written.length() - 1);
        if (written.incrementAndGet(slot) >= nudgeAt) {
            written.set(slot, 0);
            nudge.accept(key); // never blocks: queued to the compactor, at most once per key
        }
    }

    /** Deletes every delta (paginated, tracked) and the base meta (a tombstone even if there was none). */
    @Override
    public void delete(Txn txn, byte[] key) {
        RangeEraser.eraseAll(txn, keys.deltas(key));
        txn.delete(keys.baseMeta(key));
        PendingLens.of(txn).reset(txn, keys.deltaPrefix(key));
    }
}
