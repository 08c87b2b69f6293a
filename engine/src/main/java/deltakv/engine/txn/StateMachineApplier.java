package deltakv.engine.txn;

import deltakv.engine.storage.MvccStore;
import deltakv.engine.storage.StoreBatch;
import java.util.ArrayList;
import java.util.List;

/**
 * THE apply function of the replicated state machine. Deterministic: the result depends only on
 * the store's contents and the group, so every replica applying the same log reaches the same state.
 *
 * <pre>
 *   apply(g):
 *     id committed within window?    → Committed(original ts)      (de-dup of ambiguous retries)
 *     g.commitTs <= lastApplied?     → StaleTimestamp              (log order must = ts order)
 *     g.startTs < lastApplied - R?   → Conflict(empty key)         (version GC may have removed what it
 *                                                                    must be checked against)
 *     any write/read key or range
 *       has a version > g.startTs?   → Conflict(key)               (OCC)
 *     else its mutations at g.commitTs + de-dup record → Committed
 *          (apply-time operations evaluated here, their outputs returned and kept with the record)
 * </pre>
 * The groups of one log entry are written in ONE atomic batch together with the applied ts and the
 * log index, so a crash leaves an entry either wholly applied or not at all. Later groups of the entry
 * see earlier ones' writes through {@link PendingVersions} and the in-memory de-dup records.
 */
public final class StateMachineApplier {
    public static final String APPLIED_INDEX = "applied-index";

    /** {@code logIndex} value for "record no log index". */
    private static final long NO_INDEX = Long.MIN_VALUE;

    private final MvccStore store;
    private final AppliedGroups applied;
    private final boolean rejectStaleTs;
    private final ApplyTimeOps ops;
    /** {@link MvccStore#commits()} after our last commit: a difference means someone else wrote. */
    private long ownCommits;

    public StateMachineApplier(MvccStore store) {
        this(store, AppliedGroups.DEFAULT_WINDOW);
    }

    /** The default de-dup window; {@code rejectStaleTs} as below. */
    public StateMachineApplier(MvccStore store, boolean rejectStaleTs) {
        this(store, AppliedGroups.DEFAULT_WINDOW, rejectStaleTs);
    }

    /** The default de-dup window; {@code rejectStaleTs} and {@code ops} as below. */
    public StateMachineApplier(MvccStore store, boolean rejectStaleTs, ApplyTimeOps ops) {
        this(store, AppliedGroups.DEFAULT_WINDOW, rejectStaleTs, ops);
    }

    /** @param dedupWindow how long (HLC time) a committed group id is remembered */
    public StateMachineApplier(MvccStore store, long dedupWindow) {
        this(store, dedupWindow, true);
    }

    /**
     * @param rejectStaleTs false only for the {@code hlc-no-observe} bug flag: the buggy engine has no
     *                      guard against a commit ts at or below the last applied one, so a new leader
     *                      with a lagging clock writes below (or onto) existing versions
     */
    public StateMachineApplier(MvccStore store, long dedupWindow, boolean rejectStaleTs) {
        this(store, dedupWindow, rejectStaleTs, ApplyTimeOps.NONE);
    }

    /** @param ops evaluates the groups' {@link Mutation.AtApply} operations */
    public StateMachineApplier(MvccStore store, long dedupWindow, boolean rejectStaleTs, ApplyTimeOps ops) {
        this.store = store;
        this.ops = ops;
        this.applied = new AppliedGroups(store, dedupWindow);
        this.rejectStaleTs = rejectStaleTs;
        this.ownCommits = store.commits();
    }

    public synchronized ApplyResult apply(OperationGroup g) {
        return applyEntry(List.of(g), NO_INDEX).get(0);
    }

    /**
     * Applies groups in order (a Raft batch); a conflict aborts only its own group, and later groups
     * see earlier ones' writes. Replaying the same batch after a crash gives the same results:
     * already applied groups are recognised by their ids.
     */
    public synchronized List<ApplyResult> applyBatch(List<OperationGroup> groups) {
        return applyEntry(groups, NO_INDEX);
    }

    /** {@link #applyBatch(List)} for log entry {@code logIndex}, recorded in the same atomic write. */
    public synchronized List<ApplyResult> applyBatch(List<OperationGroup> groups, long logIndex) {
        return applyEntry(groups, logIndex);
    }

    private List<ApplyResult> applyEntry(List<OperationGroup> groups, long logIndex) {
        if (store.commits() != ownCommits) applied.resync(); // e.g. a checkpoint ingest copied records
        List<ApplyResult> out = new ArrayList<>(groups.size());
        PendingVersions pending = new PendingVersions();
        long last = store.lastAppliedTs();
        boolean wrote = false;
        try (StoreBatch batch = store.newBatch()) {
            for (OperationGroup g : groups) {
                ApplyResult r = decide(g, pending, last);
                if (r == null) {
                    List<byte[]> outputs = List.of();
                    for (Mutation m : g.mutations()) {
                        if (m instanceof Mutation.AtApply a) {
                            if (outputs.isEmpty()) outputs = new ArrayList<>(1);
                            outputs.add(ops.evaluate(a.op(), new AtApplyTxn(store, batch, pending, g.commitTs())));
                        } else {
                            add(batch, pending, m, g.commitTs());
                        }
                    }
                    applied.record(g.id(), g.commitTs(), outputs);
                    last = Math.max(last, g.commitTs());
                    wrote = true;
                    r = new ApplyResult.Committed(g.commitTs(), outputs);
                }
                out.add(r);
            }
            applied.finishEntry(batch);
            if (logIndex != NO_INDEX) batch.putMetaLong(APPLIED_INDEX, logIndex);
            if (wrote || logIndex != NO_INDEX) commit(batch, last);
        } catch (RuntimeException e) {
            applied.resync(); // its in-memory records may name groups that were never written
            throw e;
        }
        return out;
    }

    /** The rejection of {@code g}, or null if it commits; {@code last} includes this entry's groups. */
    private ApplyResult decide(OperationGroup g, PendingVersions pending, long last) {
        long original = applied.committedTs(g.id(), g.commitTs());
        if (original != 0) return new ApplyResult.Committed(original, applied.outputs(g.id()));
        if (rejectStaleTs && g.commitTs() <= last) return new ApplyResult.StaleTimestamp(g.commitTs(), last);
        // Version GC keeps everything above (last applied - its retention) on every replica, whatever
        // snapshots it knows of; a group whose snapshot is older may meet a collected delete marker and
        // miss its conflict (a DEL, then a pop resent after a leader change). Decided from the log alone,
        // so every replica rejects the same groups; the client retries on a fresh snapshot.
        if (g.startTs() < last - VersionGc.DEFAULT_RETENTION) return new ApplyResult.Conflict(ApplyResult.SNAPSHOT_TOO_OLD);
        byte[] conflict = ConflictCheck.firstConflict(store, pending, g);
        return conflict == null ? null : new ApplyResult.Conflict(conflict);
    }

    private void commit(StoreBatch batch, long appliedTs) {
        long n = store.commit(batch, appliedTs);
        if (n != ownCommits + 1) applied.resync(); // someone else committed meanwhile
        ownCommits = n;
    }

    public long lastAppliedTs() {
        return store.lastAppliedTs();
    }

    /** Index of the last log entry fully applied with {@link #applyBatch(List, long)}; 0 if none. */
    public long appliedIndex() {
        return store.metaLong(APPLIED_INDEX);
    }

    public MvccStore store() {
        return store;
    }

    private static void add(StoreBatch batch, PendingVersions pending, Mutation m, long commitTs) {
        if (m instanceof Mutation.Put p) {
            batch.put(p.key(), commitTs, p.value());
            pending.add(p.key(), commitTs, new PendingWrite.Value(p.value()));
        } else if (m instanceof Mutation.Delete d) {
            batch.delete(d.key(), commitTs);
            pending.add(d.key(), commitTs, new PendingWrite.Tombstone());
        } else {
            Mutation.PutAtCommitTs a = (Mutation.PutAtCommitTs) m;
            byte[] key = a.keyAt(commitTs);
            batch.put(key, commitTs, a.value());
            pending.add(key, commitTs, new PendingWrite.Value(a.value()));
        }
    }
}
