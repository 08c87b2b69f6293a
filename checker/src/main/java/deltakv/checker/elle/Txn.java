package deltakv.checker.elle;

import deltakv.checker.history.Op;
import deltakv.checker.history.OpType;
import java.util.List;

/**
 * A completed transaction: a graph vertex.
 *
 * @param id       dense vertex id
 * @param position position of the completion op in the history
 * @param invoke   position of its invoke, or -1
 * @param op       the completion op (ok, info or fail)
 * @param mops     its micro-ops (for info/fail: the invoked ones)
 */
public record Txn(int id, int position, int invoke, Op op, List<Mop> mops) {
    public boolean ok() {
        return op.type() == OpType.OK;
    }

    public boolean fail() {
        return op.type() == OpType.FAIL;
    }
}
