package deltakv.checker.history;

import java.util.List;

/**
 * A validated history: the ops in file order plus the invoke/completion pairing, by position in
 * {@link #ops()} (not by {@code :index}, which files may number from 1 or leave gaps in).
 *
 * @param ops   every op, in order
 * @param pairs for each position, the position of its partner (invoke ↔ completion), or -1 (an invoke
 *              never completed, or a non-client op)
 */
public record History(List<Op> ops, int[] pairs) {
    public int size() {
        return ops.size();
    }

    public Op get(int position) {
        return ops.get(position);
    }

    /** Position of the completion of the invoke at {@code position}, or -1. */
    public int completion(int position) {
        return ops.get(position).type() == OpType.INVOKE ? pairs[position] : -1;
    }

    /** Position of the invoke of the completion at {@code position}, or -1. */
    public int invocation(int position) {
        return ops.get(position).type() == OpType.INVOKE ? -1 : pairs[position];
    }

    /** Client ops have integer processes; the nemesis and others (e.g. {@code :nemesis}) do not. */
    public static boolean isClient(Op op) {
        return op.process() instanceof Number;
    }
}
