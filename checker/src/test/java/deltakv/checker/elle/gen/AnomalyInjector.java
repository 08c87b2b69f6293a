package deltakv.checker.elle.gen;

import deltakv.checker.history.Keyword;
import deltakv.checker.history.Op;
import deltakv.checker.history.OpType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Plants one known anomaly into a valid history: a handful of transactions on fresh keys and fresh
 * processes, spliced in at a random point. Fresh keys mean the planted transactions depend only on each
 * other, so exactly the planted anomaly (and what Elle's rules say accompanies it) must be found.
 */
public final class AnomalyInjector {
    /** Each plant: the anomaly types a checker must report for it (under strict-serializable). */
    public enum Plant {
        G0(List.of("G0")),
        G1C(List.of("G1c")),
        G_SINGLE(List.of("G-single-item")),
        G_NONADJACENT(List.of("G-nonadjacent-item")),
        G2_ITEM(List.of("G2-item")),
        G1A(List.of("G1a")),
        G1B(List.of("G-single-item", "G1b")),
        INTERNAL(List.of("internal")),
        FUTURE_READ(List.of("future-read")),
        DUPLICATE_ELEMENTS(List.of("duplicate-elements")),
        INCOMPATIBLE_ORDER(List.of("incompatible-order")),
        DIRTY_UPDATE(List.of("G1a", "dirty-update")),
        LOST_UPDATE(List.of("G-single-item", "lost-update")),
        STALE_READ(List.of("G-single-item-realtime")),
        G0_REALTIME(List.of("G0-realtime"));

        public final List<String> expected;

        Plant(List<String> expected) {
            this.expected = expected;
        }
    }

    /** rw-register plants and the anomaly types they must produce (strict-serializable, no version options). */
    public enum RegisterPlant {
        G1C(List.of("G1c")),
        G_SINGLE(List.of("G-single-item")),
        G2_ITEM(List.of("G2-item")),
        G1A(List.of("G1a")),
        G1B(List.of("G1b")),
        INTERNAL(List.of("internal")),
        LOST_UPDATE(List.of("lost-update")),
        STALE_READ(List.of("G-single-item-realtime"));

        public final List<String> expected;

        RegisterPlant(List<String> expected) {
            this.expected = expected;
        }
    }

    private static final Keyword W = Keyword.of("w");
    private static final Keyword A = Keyword.of("append");
    private static final Keyword R = Keyword.of("r");
    private static final OpType OK = OpType.OK;

    private record T(OpType type, List<Object> mops) {}

    private AnomalyInjector() {}

    public static List<Op> plant(List<Op> valid, Plant plant, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        long k = -1_000_000L - rnd.nextInt(1000) * 10L; // fresh keys: the generator's are >= 0
        long x = k;
        long y = k - 1;
        long a = k - 2;
        long b = k - 3;
        boolean serial = false;
        List<T> ts = switch (plant) {
            case G0 -> List.of(t(OK, ap(x, 1), ap(y, 1)), t(OK, ap(x, 2), ap(y, 2)), t(OK, rd(x, 1, 2), rd(y, 2, 1)));
            case G1C -> List.of(t(OK, ap(x, 1), rd(y, 1)), t(OK, ap(y, 1), rd(x, 1)));
            case G_SINGLE -> List.of(t(OK, ap(x, 1), ap(y, 1)), t(OK, rd(x), rd(y, 1)));
            case G_NONADJACENT -> List.of(t(OK, rd(x), rd(b, 1)), t(OK, ap(x, 1), ap(a, 1)), t(OK, rd(a, 1), rd(y)),
                    t(OK, ap(y, 1), ap(b, 1)));
            case G2_ITEM -> List.of(t(OK, rd(x), ap(y, 1)), t(OK, rd(y), ap(x, 1)));
            case G1A -> List.of(t(OpType.FAIL, ap(x, 1)), t(OK, rd(x, 1)), t(OK, ap(x, 2)));
            case G1B -> List.of(t(OK, ap(x, 1), ap(x, 2)), t(OK, rd(x, 1)));
            case INTERNAL -> List.of(t(OK, ap(x, 1)), t(OK, rd(x, 1), ap(x, 2), rd(x, 1)));
            case FUTURE_READ -> List.of(t(OK, ap(y, 5)), t(OK, rd(y, 5), rd(x, 1), ap(x, 1)));
            case DUPLICATE_ELEMENTS -> List.of(t(OK, ap(x, 1)), t(OK, rd(x, 1, 1)));
            case INCOMPATIBLE_ORDER -> List.of(t(OK, ap(x, 1)), t(OK, ap(x, 2)), t(OK, rd(x, 1, 2)), t(OK, rd(x, 2, 1)));
            case DIRTY_UPDATE -> List.of(t(OpType.FAIL, ap(x, 1)), t(OK, ap(x, 2)), t(OK, rd(x, 1, 2)));
            case LOST_UPDATE -> {
                serial = true;
                yield List.of(t(OK, ap(x, 1)), t(OK, rd(x, 1), ap(x, 2)), t(OK, rd(x, 1), ap(x, 3)), t(OK, rd(x, 1, 2, 3)));
            }
            case STALE_READ -> {
                serial = true;
                yield List.of(t(OK, ap(x, 1)), t(OK, rd(x)));
            }
            case G0_REALTIME -> {
                serial = true;
                yield List.of(t(OK, ap(x, 2)), t(OK, ap(x, 1)), t(OK, rd(x, 1, 2)));
            }
        };
        return splice(valid, ts, serial, rnd);
    }

    public static List<Op> plant(List<Op> valid, RegisterPlant plant, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        long x = -1_000_000L - rnd.nextInt(1000) * 10L;
        long y = x - 1;
        boolean serial = plant == RegisterPlant.STALE_READ || plant == RegisterPlant.LOST_UPDATE;
        List<T> ts = switch (plant) {
            case G1C -> List.of(t(OK, wr(x, 1), rr(y, 1L)), t(OK, wr(y, 1), rr(x, 1L)));
            case G_SINGLE -> List.of(t(OK, wr(x, 1), wr(y, 1)), t(OK, rr(x, null), rr(y, 1L)));
            case G2_ITEM -> List.of(t(OK, rr(x, null), wr(y, 1)), t(OK, rr(y, null), wr(x, 1)));
            case G1A -> List.of(t(OpType.FAIL, wr(x, 5)), t(OK, rr(x, 5L)));
            case G1B -> List.of(t(OK, wr(x, 1), wr(x, 2)), t(OK, rr(x, 1L)));
            case INTERNAL -> List.of(t(OK, wr(x, 1), rr(x, 2L)), t(OK, wr(x, 2)));
            case LOST_UPDATE -> List.of(t(OK, wr(x, 1)), t(OK, rr(x, 1L), wr(x, 2)), t(OK, rr(x, 1L), wr(x, 3)));
            case STALE_READ -> List.of(t(OK, wr(x, 1)), t(OK, rr(x, null)));
        };
        return splice(valid, ts, serial, rnd);
    }

    private static List<Object> wr(long k, long v) {
        return HistoryGenerator.mop(W, k, v);
    }

    private static List<Object> rr(long k, Long v) {
        return HistoryGenerator.mop(R, k, v);
    }

    private static List<Op> splice(List<Op> valid, List<T> ts, boolean serial, SplittableRandom rnd) {
        int at = valid.size() / 4 + rnd.nextInt(Math.max(1, valid.size() / 2));
        long time = at > 0 ? valid.get(at - 1).time() : 0;
        long process = 10_000_000L + rnd.nextInt(1000) * 100L;
        List<Op> planted = new ArrayList<>();
        if (serial) {
            for (int i = 0; i < ts.size(); i++) {
                planted.add(op(OpType.INVOKE, process + i, invoked(ts.get(i).mops()), time));
                planted.add(op(ts.get(i).type(), process + i, ts.get(i).mops(), time));
            }
        } else {
            for (int i = 0; i < ts.size(); i++) {
                planted.add(op(OpType.INVOKE, process + i, invoked(ts.get(i).mops()), time));
            }
            for (int i = 0; i < ts.size(); i++) {
                planted.add(op(ts.get(i).type(), process + i, ts.get(i).mops(), time));
            }
        }
        List<Op> out = new ArrayList<>(valid.size() + planted.size());
        out.addAll(valid.subList(0, at));
        out.addAll(planted);
        out.addAll(valid.subList(at, valid.size()));
        List<Op> indexed = new ArrayList<>(out.size());
        for (int i = 0; i < out.size(); i++) {
            Op o = out.get(i);
            indexed.add(new Op(i, o.time(), o.type(), o.process(), o.f(), o.value(), o.error(), o.extra()));
        }
        return indexed;
    }

    private static Op op(OpType type, long process, List<Object> value, long time) {
        return new Op(0, time, type, process, "txn", value, null, Map.of());
    }

    private static List<Object> invoked(List<Object> mops) {
        List<Object> l = new ArrayList<>();
        for (Object o : mops) {
            List<?> m = (List<?>) o;
            l.add(m.get(0) == R ? HistoryGenerator.mop(R, m.get(1), null) : m);
        }
        return l;
    }

    private static T t(OpType type, List<?>... mops) {
        return new T(type, List.of((Object[]) mops));
    }

    private static List<Object> ap(long k, long v) {
        return HistoryGenerator.mop(A, k, v);
    }

    private static List<Object> rd(long k, long... vs) {
        List<Object> l = new ArrayList<>();
        for (long v : vs) {
            l.add(v);
        }
        return HistoryGenerator.mop(R, k, l);
    }
}
