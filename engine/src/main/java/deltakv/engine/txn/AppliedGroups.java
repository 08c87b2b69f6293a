package deltakv.engine.txn;

import deltakv.engine.clock.Hlc;
import deltakv.engine.storage.KV;
import deltakv.engine.storage.Longs;
import deltakv.engine.storage.MvccStore;
import deltakv.engine.storage.StoreBatch;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Remembers which group ids were committed (and at which commit ts) so a re-submitted identical
 * group after an ambiguous failure returns the original result instead of applying twice. Records
 * are persisted in the store's meta column family in the same batch as the group's writes (so a
 * crash cannot separate them) and expire a fixed HLC time after their commit.
 *
 * <pre>
 *   meta "g/" id(8)           -> commitTs(8)   lookup by id
 *   meta "t/" commitTs(8) id(8) -> ""          expiry order
 * </pre>
 * Every record with a commit ts above {@code unknownUpTo} is also in memory ({@code recent}): the
 * records this object writes go there, {@link #resync} loads the store's, and records evicted from
 * memory raise the bound. A lookup whose window starts above the bound therefore needs no store read
 * when the id is not in memory, so a new id (every group has one) costs no RocksDB miss.
 * Not thread-safe: used under the applier's lock.
 */
final class AppliedGroups {
    /** 60 s of HLC time: ambiguous retries happen within seconds. */
    static final long DEFAULT_WINDOW = Hlc.of(60_000, 0);
    /**
     * Records kept in memory (~90 bytes each): a full 60 s window at up to ~4 k groups/s. Beyond
     * that, evictions raise the bound and new ids cost a store lookup again (correct, just slower).
     */
    private static final int CACHE = 250_000;
    private static final int PRUNE_EVERY = 1024;
    private static final int PRUNE_MAX = 10_000;
    private static final byte[] BY_ID = {'g', '/'};
    private static final byte[] BY_ID_END = {'g', '0'};
    private static final byte[] BY_TS = {'t', '/'};
    private static final byte[] BY_TS_END = {'t', '0'};

    private final MvccStore store;
    private final long window;
    private final int cacheSize;
    private final Map<Long, Long> recent = new LinkedHashMap<>(1024, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Long, Long> e) {
            if (size() <= cacheSize) return false;
            unknownUpTo = Math.max(unknownUpTo, e.getValue());
            return true;
        }
    };
    /** Records in the store but not in {@code recent} have a commit ts at or below this. */
    private long unknownUpTo;
    /** Pruning resumes here: every "t/" record below it was already pruned. */
    private byte[] pruneFrom = BY_TS;
    private int sincePrune;

    AppliedGroups(MvccStore store, long window) {
        this(store, window, CACHE);
    }

    /** @param cacheSize records kept in memory at most (tests make it small) */
    AppliedGroups(MvccStore store, long window, int cacheSize) {
        this.store = store;
        this.window = window;
        this.cacheSize = cacheSize;
        resync();
    }

    /**
     * Reloads memory from the store: at open, and when someone else wrote to the store (checkpoint
     * ingest copies records) or a write failed. Records number at most what one window holds
     * (pruning removes the rest); if they do not fit, the bound covers the ones left out.
     */
    void resync() {
        recent.clear();
        pruneFrom = BY_TS;
        unknownUpTo = Long.MIN_VALUE;
        List<KV> records = store.metaRange(BY_ID, BY_ID_END, cacheSize + 1);
        if (records.size() > cacheSize) {
            KV newest = store.lastMeta(BY_TS, BY_TS_END);
            unknownUpTo = newest == null ? Long.MIN_VALUE : tsOf(newest.key());
            return;
        }
        for (KV r : records) recent.put(Longs.fromBytes(Arrays.copyOfRange(r.key(), 2, 10)), Longs.fromBytes(r.value()));
    }

    /**
     * Commit ts of an earlier commit of group {@code id} within the window before {@code commitTs},
     * or 0. Expiry is decided from the two timestamps alone, not from whether pruning already ran,
     * so every replica gives the same answer for the same log entry.
     */
    long committedTs(long id, long commitTs) {
        Long cached = recent.get(id);
        long ts;
        if (cached != null) {
            ts = cached;
        } else {
            if (unknownUpTo < commitTs - window) return 0; // a live record would be in memory
            byte[] v = store.meta(byId(id));
            if (v == null) return 0;
            ts = Longs.fromBytes(v);
        }
        return ts < commitTs - window ? 0 : ts;
    }

    /**
     * Adds the record of group {@code id} committing at {@code commitTs} to {@code batch} and to
     * memory at once: later groups of the same log entry must see it. If the batch is then not
     * written, the caller must {@link #resync}.
     */
    void record(StoreBatch batch, long id, long commitTs) {
        byte[] byTs = byTs(commitTs, id);
        batch.putMeta(byId(id), Longs.toBytes(commitTs));
        batch.putMeta(byTs, new byte[0]);
        recent.put(id, commitTs);
        if (Arrays.compareUnsigned(byTs, pruneFrom) < 0) pruneFrom = BY_TS; // a commit ts below the cursor
        sincePrune++;
    }

    /** Every {@value #PRUNE_EVERY} records: deletes (in {@code batch}) records expired at {@code commitTs}. */
    void pruneIfDue(StoreBatch batch, long commitTs) {
        if (sincePrune < PRUNE_EVERY) return;
        sincePrune = 0;
        long olderThan = commitTs - window;
        if (olderThan <= 0) return;
        // Only expired records: the scan stops at "t/" + olderThan instead of reading live ones, and
        // starts at the cursor instead of wading through the deletion markers of earlier prunes.
        List<KV> expired = store.metaRange(pruneFrom, Bytes.concat(BY_TS, Longs.toBytes(olderThan)), PRUNE_MAX);
        for (KV e : expired) {
            long id = Longs.fromBytes(Arrays.copyOfRange(e.key(), 10, 18));
            batch.deleteMeta(e.key());
            if (isCurrent(id, tsOf(e.key()))) {
                batch.deleteMeta(byId(id));
                recent.remove(id);
            }
        }
        if (!expired.isEmpty()) pruneFrom = Bytes.concat(expired.get(expired.size() - 1).key(), new byte[] {0});
    }

    /** True if the lookup record of {@code id} is the one committed at {@code ts}, not a later re-commit. */
    private boolean isCurrent(long id, long ts) {
        Long cached = recent.get(id);
        if (cached != null) return cached == ts;
        byte[] v = store.meta(byId(id));
        return v != null && Longs.fromBytes(v) == ts;
    }

    private static byte[] byId(long id) {
        return Bytes.concat(BY_ID, Longs.toBytes(id));
    }

    private static byte[] byTs(long ts, long id) {
        return Bytes.concat(BY_TS, Longs.toBytes(ts), Longs.toBytes(id));
    }

    private static long tsOf(byte[] byTsKey) {
        return Longs.fromBytes(Arrays.copyOfRange(byTsKey, 2, 10));
    }
}
