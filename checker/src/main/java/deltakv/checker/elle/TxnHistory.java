package deltakv.checker.elle;

import deltakv.checker.history.History;
import deltakv.checker.history.HistoryException;
import deltakv.checker.history.Op;
import deltakv.checker.history.OpType;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The client transactions of a history. {@link #possible()} are ok and info completions — the graph's
 * vertices, numbered 0..n-1 — and {@link #failed()} the fail completions (for aborted-read checks).
 */
public final class TxnHistory {
    private final History history;
    private final List<Txn> possible = new ArrayList<>();
    private final List<Txn> failed = new ArrayList<>();
    private final int[] txnAt; // history position -> possible txn id, or -1

    public TxnHistory(History history, Set<Mop.Kind> allowed) {
        this.history = history;
        this.txnAt = new int[history.size()];
        java.util.Arrays.fill(txnAt, -1);
        for (int i = 0; i < history.size(); i++) {
            Op op = history.get(i);
            if (op.type() == OpType.INVOKE || !History.isClient(op)) {
                continue;
            }
            List<Mop> mops = mops(op, allowed);
            if (op.type() == OpType.FAIL) {
                failed.add(new Txn(-1, i, history.invocation(i), op, mops));
            } else {
                txnAt[i] = possible.size();
                possible.add(new Txn(possible.size(), i, history.invocation(i), op, mops));
            }
        }
    }

    private static List<Mop> mops(Op op, Set<Mop.Kind> allowed) {
        if (op.value() == null) {
            return List.of();
        }
        if (!(op.value() instanceof List<?> value)) {
            throw new HistoryException("op " + op.index() + ": value is not a transaction (a list of micro-ops)");
        }
        List<Mop> mops = new ArrayList<>(value.size());
        for (Object o : value) {
            Mop m = Mop.parse(o);
            if (m == null || !allowed.contains(m.f())) {
                throw new HistoryException("op " + op.index() + ": unexpected micro-op "
                        + deltakv.checker.history.EdnPrinter.print(o) + " (this workload allows "
                        + (allowed.contains(Mop.Kind.APPEND) ? ":append and :r" : ":w and :r") + ")");
            }
            mops.add(m);
        }
        return mops;
    }

    public History history() {
        return history;
    }

    public List<Txn> possible() {
        return possible;
    }

    public List<Txn> failed() {
        return failed;
    }

    public int size() {
        return possible.size();
    }

    public Txn get(int id) {
        return possible.get(id);
    }

    /** The txn id whose completion is at history position {@code pos}, or -1. */
    public int txnAt(int pos) {
        return txnAt[pos];
    }
}
