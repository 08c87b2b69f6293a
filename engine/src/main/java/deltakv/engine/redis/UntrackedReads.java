package deltakv.engine.redis;

import deltakv.engine.txn.ForwardingTxn;
import deltakv.engine.txn.KeyRange;
import deltakv.engine.txn.Txn;
import java.util.List;

/**
 * The {@code multi-read-untracked} bug flag: a read command inside MULTI reads through this view, which
 * registers nothing for conflicts, as upstream's LRANGE inside MULTI did. The block's writes are still
 * tracked, so a concurrent write to what it read no longer aborts it: write skew (G2-item).
 */
final class UntrackedReads extends ForwardingTxn {
    UntrackedReads(Txn inner) {
        super(inner);
    }

    @Override
    public byte[] get(byte[] key) {
        return getUntracked(key);
    }

    @Override
    public List<KV> scan(KeyRange range, int limit, boolean reverse, boolean track) {
        return super.scan(range, limit, reverse, false);
    }

    @Override
    public void trackRead(byte[] key) {
        // not registered: the bug
    }

    @Override
    public void trackRange(KeyRange range) {
        // not registered either
    }
}
