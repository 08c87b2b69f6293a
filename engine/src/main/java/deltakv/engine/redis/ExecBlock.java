package deltakv.engine.redis;

import deltakv.engine.txn.KeyRange;
import deltakv.engine.txn.MultiBlock;
import deltakv.engine.txn.Txn;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The body of one EXEC: checks the WATCHed keys, then runs every queued command in the same
 * transaction, so the block commits atomically or (on conflict) is retried as a whole.
 */
final class ExecBlock implements Function<Txn, Reply> {
    /** A command accepted after MULTI. */
    record Queued(CommandTable.Entry entry, List<byte[]> args) {}

    private final List<Queued> queued;
    private final List<WatchList.Watch> watches;
    private final Function<byte[], List<KeyRange>> watchRanges;
    private final boolean untrackedReads;

    /** @param untrackedReads the {@code multi-read-untracked} bug flag: read commands register no read keys */
    ExecBlock(List<Queued> queued, List<WatchList.Watch> watches, Function<byte[], List<KeyRange>> watchRanges,
              boolean untrackedReads) {
        this.queued = queued;
        this.watches = watches;
        this.watchRanges = watchRanges;
        this.untrackedReads = untrackedReads;
    }

    @Override
    public Reply apply(Txn txn) {
        if (watchedKeyChanged(txn)) return Reply.NULL_ARRAY;
        MultiBlock.mark(txn); // delta-cf decides standalone pushes at apply time, never a block's
        List<Reply> replies = new ArrayList<>(queued.size());
        for (Queued q : queued) replies.add(run(txn, q, untrackedReads));
        return new Reply.Array(replies);
    }

    /** Any version newer than the WATCH timestamp anywhere in the key's ranges aborts the EXEC. */
    private boolean watchedKeyChanged(Txn txn) {
        for (WatchList.Watch w : watches) {
            for (KeyRange r : watchRanges.apply(w.key())) {
                if (txn.latestVersionTs(r) > w.sinceTs()) return true;
            }
        }
        return false;
    }

    private static Reply run(Txn txn, Queued q, boolean untrackedReads) {
        if (q.entry() instanceof CommandTable.Data d) {
            Txn view = untrackedReads && !d.spec().write() ? new UntrackedReads(txn) : txn;
            return d.spec().handler().execute(view, q.args());
        }
        if (q.entry() instanceof CommandTable.Local l) return l.command().handler().apply(q.args());
        return Reply.OK; // UNWATCH queued inside MULTI: EXEC unwatches anyway
    }
}
