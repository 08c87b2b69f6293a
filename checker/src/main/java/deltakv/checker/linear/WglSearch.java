package deltakv.checker.linear;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Wing–Gong–Lowe linearizability search over one partition (ids 0..n-1), as in Lowe's "Testing for
 * linearizability" and Porcupine: walk the event list, linearize a call whenever the model allows it and the
 * (linearized set, state) pair is new, and backtrack when a return is reached whose op is not yet linearized.
 */
final class WglSearch {
    private static final int CHECK_EVERY = 1 << 12;
    private static final int MAX_STATES = 8;

    private final Model model;
    private final List<LinOp> ops;
    private final Budget budget;

    WglSearch(Model model, List<LinOp> ops, Budget budget) {
        this.model = model;
        this.ops = ops;
        this.budget = budget;
    }

    /**
     * Runs the search. With {@code explain}, also records the deepest point reached (costlier; only used to
     * describe a partition already known to be non-linearizable).
     */
    SearchOutcome run(boolean explain) {
        int n = ops.size();
        EventList list = new EventList(ops);
        LinearizedSet linearized = new LinearizedSet(n, 42);
        Memo memo = new Memo();
        int[] stackNode = new int[n];
        Object[] stackState = new Object[n];
        boolean[] stackForced = new boolean[n];
        int sp = 0;
        int remaining = 0; // completed ops not yet linearized; crashed ones are optional
        for (LinOp op : ops) if (!op.crashed()) remaining++;

        Deepest deepest = explain ? new Deepest() : null;
        Object state = model.init();
        int node = list.first();
        long iterations = 0;
        long reportedBytes = 0;
        try {
            while (remaining > 0) {
                if (++iterations % CHECK_EVERY == 0) {
                    long bytes = memo.approximateBytes();
                    budget.addMemoBytes(bytes - reportedBytes);
                    reportedBytes = bytes;
                    String stop = budget.exceeded();
                    if (stop != null) return new SearchOutcome.Unknown(stop);
                }
                int id = list.opOf[node];
                LinOp op = ops.get(id);
                if (list.isCall[node]) {
                    Object next = model.step(state, op);
                    // A crashed op that changes nothing is dominated by "never happened": skip it.
                    if (next == Model.ILLEGAL || op.crashed() && Objects.equals(next, state)) {
                        node = list.next[node];
                        continue;
                    }
                    // A legal read-only op can move to right now in any linearization (partial-order reduction):
                    // take it without branching, and if that fails, this configuration fails.
                    boolean forced = !op.crashed() && model.readOnly(op);
                    linearized.set(id);
                    if (memo.add(linearized, next)) {
                        stackNode[sp] = node;
                        stackState[sp] = state;
                        stackForced[sp] = forced;
                        sp++;
                        state = next;
                        if (!op.crashed()) remaining--;
                        list.lift(node);
                        node = list.first();
                        continue;
                    }
                    linearized.clear(id);
                    if (!forced) {
                        node = list.next[node];
                        continue;
                    }
                } else if (deepest != null) {
                    // A return whose op is still pending: nothing before it can be completed this way.
                    deepest.record(sp, stackNode, list, op, state);
                }
                // Backtrack, past forced moves: their parent configuration fails with them.
                int call;
                do {
                    if (sp == 0) return violation(deepest);
                    sp--;
                    call = stackNode[sp];
                    state = stackState[sp];
                    stackState[sp] = null;
                    int undone = list.opOf[call];
                    linearized.clear(undone);
                    if (!ops.get(undone).crashed()) remaining++;
                    list.unlift(call);
                } while (stackForced[sp]);
                node = list.next[call];
            }
        } catch (OutOfMemoryError e) {
            // The memo is local and becomes garbage as we return, so the JVM recovers.
            return new SearchOutcome.Unknown("memory guard: out of memory after " + memo.size() + " search states");
        } finally {
            budget.addMemoBytes(-reportedBytes);
        }
        List<LinOp> order = new ArrayList<>(sp);
        for (int i = 0; i < sp; i++) order.add(ops.get(list.opOf[stackNode[i]]));
        return new SearchOutcome.Linearizable(order);
    }

    private SearchOutcome violation(Deepest deepest) {
        if (deepest == null) return new SearchOutcome.Violation(ops, List.of(), null, List.of(), null);
        return new SearchOutcome.Violation(ops, deepest.prefix, deepest.failing, List.copyOf(deepest.states),
                deepest.reason);
    }

    /** The longest linearizable prefix seen, the op that blocked it, and the states in which it was blocked. */
    private final class Deepest {
        int depth = -1;
        List<LinOp> prefix = List.of();
        LinOp failing;
        String reason;
        final Set<String> states = new LinkedHashSet<>();

        void record(int sp, int[] stackNode, EventList list, LinOp blocked, Object state) {
            if (sp > depth) {
                depth = sp;
                List<LinOp> p = new ArrayList<>(sp);
                for (int i = 0; i < sp; i++) p.add(ops.get(list.opOf[stackNode[i]]));
                prefix = p;
                failing = blocked;
                reason = model.whyIllegal(state, blocked);
                states.clear();
            }
            if (sp == depth && blocked == failing && states.size() < MAX_STATES) {
                states.add(model.describe(state));
            }
        }
    }
}
