package deltakv.engine.collections;

import deltakv.engine.txn.Txn;
import java.util.HashSet;
import java.util.OptionalLong;
import java.util.Set;

/** Finds unclaimed sequences with one claim range scan per window (DELTA_DESIGN §4). */
final class ClaimWindows {
    private final int window;

    ClaimWindows(int window) {
        this.window = Math.max(1, window);
    }

    int window() {
        return window;
    }

    /** Claimed sequences in {@code [from, to)}. */
    Set<Long> claimed(Txn txn, byte[] key, long from, long to) {
        Set<Long> out = new HashSet<>();
        for (Txn.KV kv : txn.scan(ListKeys.claims(key, from, to), (int) Math.min(window, to - from), false, true)) {
            out.add(ListKeys.seqOf(kv.key()));
        }
        return out;
    }

    /** The first unclaimed sequence of {@code [head, tail)} seen from {@code end}, never past the bounds. */
    OptionalLong firstUnclaimed(Txn txn, byte[] key, End end, long head, long tail) {
        if (end == End.LEFT) {
            for (long w = head; w < tail; w += window) {
                long hi = Math.min(w + window, tail);
                Set<Long> claimed = claimed(txn, key, w, hi);
                for (long s = w; s < hi; s++) if (!claimed.contains(s)) return OptionalLong.of(s);
            }
        } else {
            for (long w = tail; w > head; w -= window) {
                long lo = Math.max(head, w - window);
                Set<Long> claimed = claimed(txn, key, lo, w);
                for (long s = w - 1; s >= lo; s--) if (!claimed.contains(s)) return OptionalLong.of(s);
            }
        }
        return OptionalLong.empty();
    }

    /** How many sequences of {@code [head, tail)} are claimed; {@code track} registers the range for conflicts. */
    long count(Txn txn, byte[] key, long head, long tail, boolean track) {
        return head < tail ? txn.scan(ListKeys.claims(key, head, tail), Integer.MAX_VALUE, false, track).size() : 0;
    }

    boolean anyClaim(Txn txn, byte[] key, long head, long tail) {
        return head < tail && !txn.scan(ListKeys.claims(key, head, tail), 1, false, false).isEmpty();
    }
}
