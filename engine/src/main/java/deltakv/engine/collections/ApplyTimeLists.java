package deltakv.engine.collections;

import deltakv.engine.txn.MultiBlock;
import deltakv.engine.txn.Txn;
import java.util.List;
import java.util.Optional;

/**
 * Variant delta-cf (docs/engine-lists.md): a standalone push or pop is not run at the transaction's
 * snapshot at all. The transaction carries it as an apply-time operation ({@link ListOp}) and the state
 * machine decides it ({@link ListOps}): which sequence a pushed element gets, which element a pop takes,
 * the new length. Nothing the transaction read about the list can go stale, so concurrent pushes and pops
 * of one hot list never conflict, and every reply is the one Redis would give at that point of the log.
 *
 * <p>Everything else keeps the baseline's layout and code ({@link RmwLists}): reads at the snapshot with
 * the meta tracked, so a MULTI that reads a list conflicts with any push or pop applied after its snapshot
 * (their writes touch the meta); pushes and pops inside MULTI at the snapshot, since the block's later
 * commands must see them; DEL likewise.
 */
public final class ApplyTimeLists implements ListStore {
    private final RmwLists lists = new RmwLists();

    @Override
    public Decided<Long> pushCommand(Txn txn, byte[] key, End end, List<byte[]> values, boolean onlyIfExists) {
        if (MultiBlock.in(txn)) return ListStore.super.pushCommand(txn, key, end, values, onlyIfExists);
        int out = txn.atApply(ListOp.encode(new ListOp.Push(key, end, onlyIfExists, values)));
        return new Decided.AtApply<>(out, ListOp::decodeLength);
    }

    @Override
    public Decided<Optional<List<byte[]>>> popCommand(Txn txn, byte[] key, End end, long count) {
        if (MultiBlock.in(txn)) return ListStore.super.popCommand(txn, key, end, count);
        int out = txn.atApply(ListOp.encode(new ListOp.Pop(key, end, count)));
        return new Decided.AtApply<>(out, ListOp::decodePopped);
    }

    @Override
    public long push(Txn txn, byte[] key, End end, List<byte[]> values) {
        return lists.push(txn, key, end, values);
    }

    @Override
    public List<byte[]> pop(Txn txn, byte[] key, End end, long count) {
        return lists.pop(txn, key, end, count);
    }

    @Override
    public long length(Txn txn, byte[] key) {
        return lists.length(txn, key);
    }

    @Override
    public List<byte[]> range(Txn txn, byte[] key, long start, long stop) {
        return lists.range(txn, key, start, stop);
    }

    @Override
    public byte[] index(Txn txn, byte[] key, long index) {
        return lists.index(txn, key, index);
    }

    @Override
    public boolean delete(Txn txn, byte[] key) {
        return lists.delete(txn, key);
    }
}
