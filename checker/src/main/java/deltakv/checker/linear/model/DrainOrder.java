package deltakv.checker.linear.model;

import deltakv.checker.linear.model.DequeueOrder.Tagged;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Look-ahead from a drain, for fifo-queue and deque. A drain pops from the head until the list is empty, so its list
 * is the order of its elements at that moment. A tagged element (pushed once, removed by nothing but this drain)
 * stays in the list from its push until the drain, and elements in a list never change places. So when x, tagged
 * by a drain, is pushed:
 * <ul>
 * <li>by RPUSH (an enqueue), it goes behind everything there: every tagged element of that drain already in the
 *     list must come before x in the drain's list, and every RPUSHed one that comes before x must be there already
 *     (pushed later it would stand behind x);</li>
 * <li>by LPUSH, the mirror image: those there come after x, and every LPUSHed one after x is there already.</li>
 * </ul>
 * The count in the second half is fixed per element ({@link Place#sameSide}). Without this, a list that was long at
 * the final drain left every order of its concurrent pushes open until the drain: a valid queue history with 53
 * elements left for the drain ran out of the 60 s budget, and 22 concurrent pushes alone did too.
 */
final class DrainOrder {
    private DrainOrder() {}

    /**
     * Where a tagged element stood in its drain: its rank among the drain's tagged elements, the end it was pushed
     * at, and how many tagged elements of the drain pushed at that same end must already be in the list when it is
     * pushed (those before it for RPUSH, after it for LPUSH).
     */
    record Place(int rank, boolean pushedLeft, int sameSide) {}

    /**
     * Places of one drain's tagged elements.
     * @param drained    the elements the drain took, in order (markers left out)
     * @param tagged     which of them are tagged by this drain
     * @param pushedLeft whether a tagged element was pushed by LPUSH
     */
    static Map<Object, Place> places(List<Object> drained, Predicate<Object> tagged, Predicate<Object> pushedLeft) {
        List<Object> mine = new ArrayList<>();
        for (Object e : drained) if (tagged.test(e)) mine.add(e);
        Map<Object, Place> out = new HashMap<>();
        int rightBefore = 0;
        for (int i = 0; i < mine.size(); i++) {
            Object e = mine.get(i);
            if (pushedLeft.test(e)) continue;
            out.put(e, new Place(i, false, rightBefore++));
        }
        int leftAfter = 0;
        for (int i = mine.size() - 1; i >= 0; i--) {
            Object e = mine.get(i);
            if (!pushedLeft.test(e)) continue;
            out.put(e, new Place(i, true, leftAfter++));
        }
        return out;
    }

    /** May x be pushed (at the end its place says) onto {@code list}? Elements not taken by a drain always may. */
    static boolean allows(Object x, List<?> list) {
        if (!(x instanceof Tagged a) || a.drain() == null) return true;
        int sameSide = 0; // one pass: this runs on every push the search tries
        for (Object e : list) {
            if (!(e instanceof Tagged b) || !a.sameDrain(b)) continue;
            if (wrongSide(a, b)) return false;
            if (b.drain().pushedLeft() == a.drain().pushedLeft()) sameSide++;
        }
        return sameSide == a.drain().sameSide();
    }

    /** Why {@link #allows} refused x. */
    static String explain(Object x, List<?> list) {
        Tagged a = (Tagged) x;
        Place p = a.drain();
        Tagged b = blocker(a, list);
        String end = p.pushedLeft() ? "head" : "tail";
        if (b != null) {
            return a + " would be pushed at the " + end + " with " + b + (p.pushedLeft() ? " behind it" : " ahead of it")
                    + ", yet the drain at index " + a.dequeueInvoke() + " took " + (p.pushedLeft() ? b + " before " + a : a + " before " + b);
        }
        return a + " would be pushed at the " + end + " while only " + sameSideThere(a, list) + " of the " + p.sameSide()
                + " element(s) pushed there that the drain at index " + a.dequeueInvoke() + " took "
                + (p.pushedLeft() ? "after" : "before") + " it are in the list";
    }

    /** A tagged element of the same drain in the list that would end up on the wrong side of x. */
    private static Tagged blocker(Tagged a, List<?> list) {
        for (Object e : list) {
            if (e instanceof Tagged b && a.sameDrain(b) && wrongSide(a, b)) return b;
        }
        return null;
    }

    /** b, already in the list, would stand on the wrong side of x once x is pushed. */
    private static boolean wrongSide(Tagged x, Tagged b) {
        return x.drain().pushedLeft() ? b.drain().rank() < x.drain().rank() : b.drain().rank() > x.drain().rank();
    }

    private static int sameSideThere(Tagged a, List<?> list) {
        int n = 0;
        for (Object e : list) if (e instanceof Tagged b && a.sameDrain(b) && b.drain().pushedLeft() == a.drain().pushedLeft()) n++;
        return n;
    }
}
