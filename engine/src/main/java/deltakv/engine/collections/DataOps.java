package deltakv.engine.collections;

import deltakv.engine.clock.Hlc;
import deltakv.engine.txn.ApplyTimeOps;
import deltakv.engine.txn.Txn;

/**
 * Every apply-time operation of the data layer, told apart by its first byte: list pushes and pops
 * ({@link ListOps}) and counter increments ({@link Counters}). Registered on every node whatever its
 * variant: it is pure code, and only delta-cf emits such operations.
 */
public final class DataOps implements ApplyTimeOps {
    private final RmwLists layout = new RmwLists();
    private final ListOps lists = new ListOps(layout);

    @Override
    public byte[] evaluate(byte[] op, Txn state) {
        if (op.length > 0 && op[0] == Counters.CounterOp.KIND) {
            Counters.CounterOp c = Counters.CounterOp.decode(op);
            // "now" for expiry is the commit's physical time: the same on every replica
            StringStore atCommit = new StringStore(() -> Hlc.physicalMillis(state.startTs()));
            return Counters.CounterOp.encodeResult(Counters.add(state, c.key(), c.increment(), atCommit,
                    !atCommit.exists(state, c.key()) && layout.exists(state, c.key())));
        }
        return lists.evaluate(op, state);
    }
}
