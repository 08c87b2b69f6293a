package deltakv.engine.txn;

import deltakv.engine.clock.Hlc;
import deltakv.engine.storage.KV;
import deltakv.engine.storage.Longs;
import deltakv.engine.storage.MvccStore;
import deltakv.engine.storage.StoreBatch;
import java.util.Arrays;
import java.util.LinkedHashMap;
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
 * Not thread-safe: used under the applier's lock.
 */
final class AppliedGroups {
    /** 60 s of HLC time: ambiguous retries happen within seconds. */
    static final long DEFAULT_WINDOW = Hlc.of(60_000, 0);
    private static final int CACHE = 100_000;
    private static final int PRUNE_EVERY = 1024;
    private static final int PRUNE_MAX = 10_000;
    private static final byte[] BY_ID = {'g', '/'};
    private static final byte[] BY_TS = {'t', '/'};

    private final MvccStore store;
    private final long window;
    private final Map<Long, Long> recent = new LinkedHashMap<>(1024, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Long, Long> e) {
            return size() > CACHE;
        }
    };
    private int sincePrune;

    AppliedGroups(MvccStore store, long window) {
        this.store = store;
        this.window = window;
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
            byte[] v = store.meta(Bytes.concat(BY_ID, Longs.toBytes(id)));
            if (v == null) return 0;
            ts = Longs.fromBytes(v);
        }
        return ts < commitTs - window ? 0 : ts;
    }

    /** Adds the record of group {@code id} committing at {@code commitTs} to {@code batch}. */
    void record(StoreBatch batch, long id, long commitTs) {
        batch.putMeta(Bytes.concat(BY_ID, Longs.toBytes(id)), Longs.toBytes(commitTs));
        batch.putMeta(Bytes.concat(BY_TS, Longs.toBytes(commitTs), Longs.toBytes(id)), new byte[0]);
        if (++sincePrune >= PRUNE_EVERY) {
            sincePrune = 0;
            prune(batch, commitTs - window);
        }
    }

    /** Called after the batch holding {@link #record} was written. */
    void remember(long id, long commitTs) {
        recent.put(id, commitTs);
    }

    private void prune(StoreBatch batch, long olderThan) {
        if (olderThan <= 0) return;
        // Only expired records: the scan stops at "t/" + olderThan instead of reading live ones.
        for (KV e : store.metaRange(BY_TS, Bytes.concat(BY_TS, Longs.toBytes(olderThan)), PRUNE_MAX)) {
            byte[] id = Arrays.copyOfRange(e.key(), 10, 18);
            batch.deleteMeta(e.key());
            batch.deleteMeta(Bytes.concat(BY_ID, id));
            recent.remove(Longs.fromBytes(id));
        }
    }
}
