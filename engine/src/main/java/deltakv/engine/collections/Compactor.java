package deltakv.engine.collections;

import deltakv.engine.Bug;
import deltakv.engine.EngineConfig;
import deltakv.engine.txn.Bytes;
import deltakv.engine.txn.KeyRange;
import deltakv.engine.txn.NonBlocking;
import deltakv.engine.txn.Txn;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Background delta compaction (DELTA_DESIGN §5) over every delta namespace: lists, and the hashes, sets and
 * sorted sets the data layer registers ({@link DeltaFold}). Each tick scans, per namespace, at most
 * {@code maxKeysPerTick} delta keys from that namespace's cursor and compacts every key with at least
 * {@code maxDeltaCount} deltas. {@link #pause()} stalls the background ticks only: the hard-limit path
 * ({@link #compactForHardLimit}) still runs, because correctness depends on it.
 */
public final class Compactor implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Compactor.class);
    private static final int MAX_STEPS_PER_KEY = 10_000;

    private final Transactions txns;
    private final EngineConfig cfg;
    private final List<DeltaFold> folds;
    private final DeltaFold lists;
    private final Map<String, AtomicLong> foldedByType = new ConcurrentHashMap<>();
    private final SingleFlight<Long> flights = new SingleFlight<>();
    private final AtomicLong ticks = new AtomicLong();
    private final AtomicLong keysCompacted = new AtomicLong();
    private final AtomicLong deltasFolded = new AtomicLong();
    private final AtomicLong claimsCollected = new AtomicLong();
    private final AtomicLong syncCompactions = new AtomicLong();
    private final AtomicLong nudgedCompactions = new AtomicLong();
    private final Set<ByteBuffer> nudged = ConcurrentHashMap.newKeySet();
    private final Set<ByteBuffer> hardLimitQueued = ConcurrentHashMap.newKeySet();
    /** Hard-limit compactions handed off by threads that must not block (see {@link #compactForHardLimit}). */
    private final java.util.concurrent.ExecutorService hardLimit = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "compactor-hard-limit");
        t.setDaemon(true);
        return t;
    });
    private volatile boolean paused;
    private volatile BooleanSupplier active = () -> true;
    private volatile boolean wasActive = true;
    private final Map<String, byte[]> cursors = new ConcurrentHashMap<>();
    private volatile ScheduledExecutorService scheduler;

    public Compactor(Transactions txns, EngineConfig cfg) {
        this(txns, cfg, List.of());
    }

    /** @param others the namespaces besides lists (the field maps' Len deltas) */
    public Compactor(Transactions txns, EngineConfig cfg, List<DeltaFold> others) {
        this.txns = txns;
        this.cfg = cfg;
        this.lists = new CompactionStep(cfg.maxKeysPerCompactionTx(), new ClaimGc(cfg.has(Bug.COMPACTOR_SKIPS_GAP)),
                cfg.has(Bug.EMPTY_LIST_DROPS_META));
        List<DeltaFold> all = new ArrayList<>();
        all.add(lists);
        all.addAll(others);
        this.folds = List.copyOf(all);
        for (DeltaFold f : folds) foldedByType.put(f.type(), new AtomicLong());
    }

    public List<DeltaFold> folds() {
        return folds;
    }

    public synchronized void start() {
        if (scheduler != null) return;
        scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "compactor");
            t.setDaemon(true);
            return t;
        });
        long ms = Math.max(1, cfg.compactionInterval().toMillis());
        scheduler.scheduleWithFixedDelay(this::safeTick, ms, ms, TimeUnit.MILLISECONDS);
    }

    @Override
    public synchronized void close() {
        hardLimit.shutdownNow();
        if (scheduler == null) return;
        scheduler.shutdownNow();
        try {
            scheduler.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        scheduler = null;
    }

    public void pause() {
        paused = true;
    }

    public void resume() {
        paused = false;
    }

    /** Leadership changed: start the namespace scan from the beginning. */
    public void resetCursor() {
        cursors.clear();
    }

    /**
     * Background work (ticks and nudges) runs only while {@code condition} holds — in a cluster, while
     * this node is the Raft leader. Why: every replica would otherwise compact the same lists, and their
     * compaction transactions (all going through the leader) conflict with each other and with clients.
     * The hard-limit path is not gated: a follower serving a read must still be able to force it.
     */
    public void runOnlyWhile(BooleanSupplier condition) {
        this.active = condition;
    }

    /** Whether background work may run now; the cursor restarts whenever this node (re)gains the role. */
    private boolean backgroundAllowed() {
        boolean now = active.getAsBoolean();
        if (now && !wasActive) resetCursor();
        wasActive = now;
        return now;
    }

    public CompactorStats stats() {
        Map<String, Long> byType = new LinkedHashMap<>();
        for (DeltaFold f : folds) byType.put(f.type(), foldedByType.get(f.type()).get());
        return new CompactorStats(ticks.get(), keysCompacted.get(), deltasFolded.get(), claimsCollected.get(),
                syncCompactions.get(), paused, byType);
    }

    /** Live deltas right now (one paged scan of the delta namespace). */
    public DeltaStats deltaStats() {
        return txns.execute(t -> DeltaCensus.count(t, folds));
    }

    private void safeTick() {
        try {
            tick();
        } catch (RuntimeException e) {
            LOG.warn("compactor tick failed: {}", e.toString());
        }
    }

    /** One background pass over at most {@code maxKeysPerTick} delta keys of each namespace; no-op while paused. */
    public void tick() {
        if (paused || !backgroundAllowed()) return;
        ticks.incrementAndGet();
        for (DeltaFold f : folds) {
            try {
                tick(f);
            } catch (RuntimeException e) { // one namespace's failure must not starve the others
                LOG.warn("compactor tick of {} deltas failed: {}", f.type(), e.toString());
            }
        }
    }

    private void tick(DeltaFold fold) {
        KeyRange ns = fold.namespace();
        byte[] from = cursors.getOrDefault(fold.type(), ns.start());
        List<Txn.KV> batch = txns.execute(t -> t.scan(new KeyRange(from, ns.end()), cfg.maxKeysPerTick(), false, false));
        Map<String, byte[]> userKeys = new LinkedHashMap<>();
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (Txn.KV kv : batch) {
            byte[] user = fold.userKeyOf(kv.key());
            String id = Arrays.toString(user);
            userKeys.putIfAbsent(id, user);
            counts.merge(id, 1, Integer::sum);
        }
        boolean full = batch.size() >= cfg.maxKeysPerTick();
        List<String> ids = new ArrayList<>(userKeys.keySet());
        // A full batch may have cut the last key's deltas short: count it again next tick, unless it is
        // the only key in the batch (then it alone has a full batch of deltas and is compacted now).
        boolean recountLast = full && ids.size() > 1;
        // the cursor moves on first: a key whose compaction keeps failing must not hold the namespace up
        byte[] next;
        if (!full) next = ns.start();
        else if (recountLast) next = fold.deltaPrefix(userKeys.get(ids.get(ids.size() - 1)));
        else next = Bytes.prefixEnd(fold.deltaPrefix(userKeys.get(ids.get(0))));
        cursors.put(fold.type(), next);
        for (int i = 0; i < ids.size() - (recountLast ? 1 : 0); i++) {
            if (counts.get(ids.get(i)) >= cfg.maxDeltaCount() || (full && ids.size() == 1)) {
                compactNow(fold, userKeys.get(ids.get(i)));
            }
        }
    }

    /**
     * A list was resolved over at least {@code maxDeltaCount} deltas: compact it on the compactor thread now
     * instead of at the next tick. Why: between ticks a hot list otherwise grows to the hard limit, so every
     * operation scans up to {@code maxDeltaScanLimit} deltas and every 256th one stalls all writers in a
     * synchronous compaction. Background work like a tick: ignored while paused or not started, at most one
     * queued per list, failures only logged.
     */
    public void nudge(byte[] userKey) {
        nudge(lists, userKey);
    }

    /** As {@link #nudge(byte[])}, for a key of {@code fold}'s type. */
    public void nudge(DeltaFold fold, byte[] userKey) {
        ScheduledExecutorService s = scheduler;
        if (paused || s == null || !active.getAsBoolean()) return;
        ByteBuffer k = ByteBuffer.wrap(fold.deltaPrefix(userKey));
        if (!nudged.add(k)) return;
        try {
            s.execute(() -> {
                try {
                    if (paused) return;
                    nudgedCompactions.incrementAndGet();
                    compactNow(fold, userKey);
                } catch (RuntimeException e) {
                    LOG.debug("nudged compaction failed: {}", e.toString());
                } finally {
                    nudged.remove(k);
                }
            });
        } catch (RejectedExecutionException e) {
            nudged.remove(k); // closing
        }
    }

    /** Compactions started by {@link #nudge} (also counted in {@code keysCompacted}). */
    public long nudgedCompactions() {
        return nudgedCompactions.get();
    }

    /**
     * Hard limit reached while resolving meta: compact the key now (single-flight), counted separately.
     * On a thread that must not block (an asynchronous body on an event loop) the compaction runs on
     * its own thread instead; the caller's conflict makes the command retry meanwhile.
     */
    public void compactForHardLimit(byte[] userKey) {
        compactForHardLimit(lists, userKey);
    }

    /** As {@link #compactForHardLimit(byte[])}, for a key of {@code fold}'s type. */
    public void compactForHardLimit(DeltaFold fold, byte[] userKey) {
        syncCompactions.incrementAndGet();
        if (NonBlocking.required()) {
            byte[] key = userKey.clone();
            // At most one waiting per key: every retry of every client on a hot key lands here, and queued runs
            // do not overlap, so SingleFlight alone would run one (mostly empty) compaction per retry.
            ByteBuffer k = ByteBuffer.wrap(fold.deltaPrefix(key));
            if (!hardLimitQueued.add(k)) return;
            try {
                hardLimit.execute(() -> {
                    hardLimitQueued.remove(k); // from now on a hit queues the next run: deltas keep coming
                    try {
                        compactNow(fold, key);
                    } catch (RuntimeException e) {
                        LOG.debug("hard-limit compaction failed: {}", e.toString());
                    }
                });
            } catch (RejectedExecutionException e) {
                hardLimitQueued.remove(k); // closing
            }
            return;
        }
        compactNow(fold, userKey);
    }

    /**
     * Compacts one list in as many bounded transactions as needed; concurrent calls for the same key share
     * one run. @return deltas folded by this run
     */
    public long compactNow(byte[] userKey) {
        return compactNow(lists, userKey);
    }

    /** As {@link #compactNow(byte[])}, for a key of {@code fold}'s type. */
    public long compactNow(DeltaFold fold, byte[] userKey) {
        return flights.run(fold.deltaPrefix(userKey), () -> compactLoop(fold, userKey));
    }

    private long compactLoop(DeltaFold fold, byte[] userKey) {
        long folded = 0;
        for (int i = 0; i < MAX_STEPS_PER_KEY; i++) {
            DeltaFold.Result r = txns.execute(t -> fold.step(t, userKey));
            folded += r.deltasFolded();
            deltasFolded.addAndGet(r.deltasFolded());
            foldedByType.get(fold.type()).addAndGet(r.deltasFolded());
            claimsCollected.addAndGet(r.claimsCollected());
            if (!r.more()) break;
        }
        keysCompacted.incrementAndGet();
        return folded;
    }
}
