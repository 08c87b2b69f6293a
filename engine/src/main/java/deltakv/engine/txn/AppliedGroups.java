package deltakv.engine.txn;

import deltakv.engine.clock.Hlc;
import deltakv.engine.storage.KV;
import deltakv.engine.storage.MvccStore;
import deltakv.engine.storage.StoreBatch;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Remembers which group ids were committed (and at which commit ts) so a re-submitted identical
 * group after an ambiguous failure returns the original result instead of applying twice. Records
 * are persisted in the store's meta column family in the same batch as the groups' writes (so a
 * crash cannot separate them), one record per applied log entry, and expire a fixed HLC time after
 * their commit.
 *
 * <pre>
 *   meta "e/" newestCommitTs(8) firstId(8) -> n × (id(8) commitTs(8) [outputs])
 *   outputs (only when bit 62 of commitTs is set): count(4) × (length(4) bytes)
 * </pre>
 * Outputs are those of apply-time operations ({@link Mutation.AtApply}): a re-submitted pop must get
 * the element it popped the first time, not pop again.
 * Why per entry: the store is only read when memory is rebuilt (open, checkpoint ingest); lookups use
 * memory, which holds every live record. One sequential key per entry costs a fraction of two random
 * keys per group (de-dup records were a third of apply time), and expired records go in one range
 * deletion.
 *
 * <p>Every replica answers the same for the same log entry: expiry is decided from the two timestamps
 * alone, and memory holds all records of the window unless there are more than {@code cap}, in which
 * case the oldest are forgotten — a function of the log, so the same everywhere and after a reopen.
 * Not thread-safe: used under the applier's lock.
 */
final class AppliedGroups {
    /** 60 s of HLC time: ambiguous retries happen within seconds. */
    static final long DEFAULT_WINDOW = Hlc.of(60_000, 0);
    /**
     * Records kept at most (~100 bytes of heap each, ~150 MB; node JVMs run with -Xmx768m): a full
     * window at up to 25 k groups/s, about twice what this machine commits.
     */
    static final int DEFAULT_CAP = 1_500_000;
    private static final int PRUNE_EVERY = 1024;
    private static final byte[] ENTRY = {'e', '/'};
    private static final byte[] ENTRY_END = {'e', '0'};
    /** Set in a record's commit ts when outputs follow (HLC timestamps stay far below it). */
    private static final long WITH_OUTPUTS = 1L << 62;

    private final MvccStore store;
    private final long window;
    private final int cap;
    /** Live records in commit order (id -> commit ts). */
    private final LinkedHashMap<Long, Applied> recent = new LinkedHashMap<>(1024);

    /** A live record: one object per group either way (a boxed ts before outputs existed). */
    private record Applied(long commitTs, List<byte[]> outputs) {}
    /** The records of the entry being applied, written by {@link #finishEntry}. */
    /** Grows (and stays grown) when an entry commits more groups than it holds. */
    private ByteBuffer entry = ByteBuffer.allocate(16 * 512);
    private long entryNewest = Long.MIN_VALUE;
    private long entryFirstId;
    private long newestSeen = Long.MIN_VALUE;
    /** Store records below this key were already deleted. */
    private long prunedBelow = Long.MIN_VALUE;
    private int sincePrune;

    AppliedGroups(MvccStore store, long window) {
        this(store, window, DEFAULT_CAP);
    }

    /** @param cap records kept at most (tests make it small) */
    AppliedGroups(MvccStore store, long window, int cap) {
        this.store = store;
        this.window = window;
        this.cap = cap;
        resync();
    }

    /**
     * Rebuilds memory from the store: at open, and when someone else wrote to the store (checkpoint
     * ingest copies records) or a write failed.
     */
    void resync() {
        recent.clear();
        entry.clear();
        entryNewest = Long.MIN_VALUE;
        newestSeen = Long.MIN_VALUE;
        prunedBelow = Long.MIN_VALUE; // a failed write or an ingest: prune from the start again
        sincePrune = 0;
        KV last = store.lastMeta(ENTRY, ENTRY_END);
        if (last == null) return;
        List<KV> records = store.metaRange(key(cutoff(tsOf(last.key())), 0), ENTRY_END, Integer.MAX_VALUE);
        for (KV r : records) {
            ByteBuffer v = ByteBuffer.wrap(r.value());
            while (v.remaining() >= 16) {
                long id = v.getLong();
                long ts = v.getLong();
                remember(id, ts & ~WITH_OUTPUTS, (ts & WITH_OUTPUTS) != 0 ? readOutputs(v) : List.of());
            }
        }
        evict();
    }

    /**
     * Commit ts of an earlier commit of group {@code id} within the window before {@code commitTs},
     * or 0.
     */
    long committedTs(long id, long commitTs) {
        Applied a = recent.get(id);
        return a == null || a.commitTs() < commitTs - window ? 0 : a.commitTs();
    }

    /** Outputs of the committed group {@code id} (empty if it had none). */
    List<byte[]> outputs(long id) {
        Applied a = recent.get(id);
        return a == null ? List.of() : a.outputs();
    }

    /**
     * Notes the record of group {@code id} committing at {@code commitTs} with {@code outs}, in memory at
     * once (later groups of the same entry must see it); {@link #finishEntry} writes the entry's records.
     * If the batch is then not written, the caller must {@link #resync}.
     */
    void record(long id, long commitTs, List<byte[]> outs) {
        if (entryNewest == Long.MIN_VALUE) entryFirstId = id;
        entryNewest = Math.max(entryNewest, commitTs);
        int size = 16;
        if (!outs.isEmpty()) {
            size += 4;
            for (byte[] o : outs) size += 4 + o.length;
        }
        if (entry.remaining() < size) {
            entry = ByteBuffer.allocate(Math.max(entry.capacity() * 2, entry.position() + size)).put(entry.flip());
        }
        entry.putLong(id).putLong(outs.isEmpty() ? commitTs : commitTs | WITH_OUTPUTS);
        if (!outs.isEmpty()) {
            entry.putInt(outs.size());
            for (byte[] o : outs) entry.putInt(o.length).put(o);
        }
        remember(id, commitTs, outs);
    }

    private static List<byte[]> readOutputs(ByteBuffer v) {
        int n = v.getInt();
        List<byte[]> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            byte[] o = new byte[v.getInt()];
            v.get(o);
            out.add(o);
        }
        return out;
    }

    /**
     * Adds the entry's records (if any) to {@code batch} as one store record, forgets expired ones,
     * and every {@value #PRUNE_EVERY} entries deletes the expired store records with one range deletion.
     */
    void finishEntry(StoreBatch batch) {
        if (entryNewest == Long.MIN_VALUE) return;
        batch.putMeta(key(entryNewest, entryFirstId), java.util.Arrays.copyOf(entry.array(), entry.position()));
        entry.clear();
        entryNewest = Long.MIN_VALUE;
        evict();
        if (++sincePrune >= PRUNE_EVERY) {
            sincePrune = 0;
            long below = cutoff(newestSeen);
            if (below > prunedBelow) {
                // records whose newest group expired: every group in them did
                batch.deleteMetaRange(prunedBelow == Long.MIN_VALUE ? ENTRY : key(prunedBelow, 0), key(below, 0));
                prunedBelow = below;
            }
        }
    }

    private void remember(long id, long commitTs, List<byte[]> outs) {
        recent.remove(id); // a re-commit after expiry moves to the end
        recent.put(id, new Applied(commitTs, outs)); // outs: the applier's list, never changed after
        newestSeen = Math.max(newestSeen, commitTs);
    }

    /** Drops expired records and, past the cap, the oldest ones. */
    private void evict() {
        long expired = cutoff(newestSeen);
        Iterator<Map.Entry<Long, Applied>> it = recent.entrySet().iterator();
        while (it.hasNext()) {
            Map.Entry<Long, Applied> e = it.next();
            if (recent.size() <= cap && e.getValue().commitTs() >= expired) break;
            it.remove();
        }
    }

    /** Commit ts below which a record answers no lookup at or after {@code ts}. */
    private long cutoff(long ts) {
        return ts == Long.MIN_VALUE ? Long.MIN_VALUE : ts - window;
    }

    /** Record keys sort by commit ts: the sign bit flipped, so signed order is bytewise order. */
    private static byte[] key(long newestTs, long firstId) {
        return ByteBuffer.allocate(18).put(ENTRY).putLong(newestTs ^ Long.MIN_VALUE).putLong(firstId).array();
    }

    private static long tsOf(byte[] key) {
        return ByteBuffer.wrap(key, 2, 8).getLong() ^ Long.MIN_VALUE;
    }
}
