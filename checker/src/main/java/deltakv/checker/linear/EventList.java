package deltakv.checker.linear;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The history as a doubly linked list of call and return events in history order (node 0 is the head), with
 * Wing–Gong's lift/unlift: linearizing an op removes its call and return; backtracking puts them back.
 * Crashed ops have no return event: they complete at +infinity, so nothing ever forces them to be linearized.
 */
final class EventList {
    static final int NONE = -1;
    final int[] next;
    final int[] prev;
    final int[] opOf;      // node -> op id
    final boolean[] isCall;
    final int[] returnOf;  // call node -> its return node, or NONE for crashed ops

    EventList(List<LinOp> ops) {
        record Event(long position, boolean call, int op) {}
        List<Event> events = new ArrayList<>(ops.size() * 2);
        for (LinOp op : ops) {
            events.add(new Event(op.invokeIndex(), true, op.id()));
            if (!op.crashed()) events.add(new Event(op.completeIndex(), false, op.id()));
        }
        // Calls before returns at equal positions: equal timestamps mean "concurrent", not "ordered".
        events.sort(Comparator.comparingLong(Event::position).thenComparing(e -> !e.call()));
        int n = events.size() + 1;
        next = new int[n];
        prev = new int[n];
        opOf = new int[n];
        isCall = new boolean[n];
        returnOf = new int[n];
        int[] callNode = new int[ops.size()];
        for (int i = 0; i < n; i++) {
            next[i] = i + 1 < n ? i + 1 : NONE;
            prev[i] = i - 1;
            returnOf[i] = NONE;
        }
        for (int i = 1; i < n; i++) {
            Event e = events.get(i - 1);
            opOf[i] = e.op();
            isCall[i] = e.call();
            if (e.call()) {
                callNode[e.op()] = i;
            } else {
                returnOf[callNode[e.op()]] = i;
            }
        }
        opOf[0] = NONE;
    }

    int first() {
        return next[0];
    }

    void lift(int call) {
        unlink(call);
        int ret = returnOf[call];
        if (ret != NONE) unlink(ret);
    }

    /** Exact inverse of {@link #lift}: relink in reverse order. */
    void unlift(int call) {
        int ret = returnOf[call];
        if (ret != NONE) relink(ret);
        relink(call);
    }

    private void unlink(int x) {
        next[prev[x]] = next[x];
        if (next[x] != NONE) prev[next[x]] = prev[x];
    }

    private void relink(int x) {
        next[prev[x]] = x;
        if (next[x] != NONE) prev[next[x]] = x;
    }
}
