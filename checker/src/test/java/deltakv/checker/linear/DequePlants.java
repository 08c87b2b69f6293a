package deltakv.checker.linear;

import deltakv.checker.history.Keyword;
import deltakv.checker.history.Op;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Random;

/**
 * Plants one certain violation into a linearizable deque history (see {@link Planted}): each is chosen so that no
 * op with an unknown outcome could explain it away. Each returns null when the history offers no such place.
 */
final class DequePlants {
    private static final Keyword UNKNOWN = Keyword.of("unknown");

    private DequePlants() {}

    /** A later pop on the same key returns the element an earlier, non-overlapping pop already took. */
    static Planted duplicatedPop(List<Op> h, Random random) {
        List<LinOp> pops = shuffled(OpPairing.pair(h).stream()
                .filter(o -> o.f().endsWith("pop") && !o.crashed() && o.value() != null).toList(), random);
        for (LinOp d1 : pops) {
            for (LinOp d2 : pops) {
                if (d1.completeIndex() >= d2.invokeIndex() || !Objects.equals(key(d1), key(d2))) continue;
                return new Planted(Planted.replaceValue(h, d2.complete(), d1.value()), List.of(d2.invokeIndex()));
            }
        }
        return null;
    }

    /** An LLEN that overlaps no other op on its key (crashed ones overlap everything after them) is off by one. */
    static Planted wrongLength(List<Op> h, Random random) {
        List<LinOp> all = OpPairing.pair(h);
        for (LinOp l : shuffled(all.stream().filter(o -> o.f().equals("llen") && !o.crashed()).toList(), random)) {
            boolean alone = all.stream().noneMatch(o -> o != l && Objects.equals(key(o), key(l))
                    && o.invokeIndex() < l.completeIndex() && o.completeIndex() > l.invokeIndex());
            if (!alone) continue;
            return new Planted(Planted.replaceValue(h, l.complete(), (Long) l.value() + 1), List.of(l.invokeIndex()));
        }
        return null;
    }

    /**
     * The final drain of a key with no crashed pop or DEL leaves out an acknowledged element that no :unknown
     * marker could account for: one not preceded by a marker and followed by an element or by nothing.
     */
    static Planted lostFromDrain(List<Op> h, Random random) {
        List<LinOp> all = OpPairing.pair(h);
        for (LinOp d : shuffled(all.stream().filter(o -> o.f().equals("drain")).toList(), random)) {
            boolean crashedRemoval = all.stream().anyMatch(o -> o.crashed() && Objects.equals(key(o), key(d))
                    && (o.f().endsWith("pop") || o.f().equals("del")));
            List<?> drained = (List<?>) d.value();
            for (int i = 0; i < drained.size() && !crashedRemoval; i++) {
                Object e = drained.get(i);
                boolean afterMarker = i > 0 && UNKNOWN.equals(drained.get(i - 1));
                boolean beforeMarker = i + 1 < drained.size() && UNKNOWN.equals(drained.get(i + 1));
                boolean acknowledged = all.stream().anyMatch(o -> o.f().endsWith("push") && !o.crashed()
                        && ((List<?>) o.value()).get(0).equals(e));
                if (UNKNOWN.equals(e) || afterMarker || beforeMarker || !acknowledged) continue;
                List<Object> less = new ArrayList<>(drained);
                less.remove(i);
                return new Planted(Planted.replaceValue(h, d.complete(), less), List.of(d.invokeIndex()));
            }
        }
        return null;
    }

    private static Object key(LinOp op) {
        return op.invoke().extra().get(Keyword.of("key"));
    }

    private static List<LinOp> shuffled(List<LinOp> ops, Random random) {
        List<LinOp> out = new ArrayList<>(ops);
        Collections.shuffle(out, random);
        return out;
    }
}
