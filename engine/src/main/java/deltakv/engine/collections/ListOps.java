package deltakv.engine.collections;

import deltakv.engine.txn.Txn;
import java.util.List;
import java.util.Optional;

/**
 * The state machine's half of variant delta-cf: evaluates a {@link ListOp} against the newest state, with
 * the baseline's layout and code ({@link RmwLists}). The applier runs one group at a time in log order, so
 * this read-modify-write of the list's meta cannot race anything, and its answer — the true new length,
 * the element really at the head — is Redis's. Part of {@link DataOps}.
 */
final class ListOps {
    private final RmwLists lists;

    ListOps(RmwLists layout) {
        this.lists = layout;
    }

    byte[] evaluate(byte[] op, Txn state) {
        ListOp o = ListOp.decode(op);
        if (o instanceof ListOp.Push p) {
            if (p.onlyIfExists() && !lists.exists(state, p.key())) return ListOp.lengthOutput(0);
            return ListOp.lengthOutput(lists.push(state, p.key(), p.end(), p.values()));
        }
        ListOp.Pop p = (ListOp.Pop) o;
        if (!lists.exists(state, p.key())) return ListOp.popOutput(Optional.empty());
        List<byte[]> popped = p.count() == 0 ? List.of() : lists.pop(state, p.key(), p.end(), p.count());
        return ListOp.popOutput(Optional.of(popped));
    }
}
