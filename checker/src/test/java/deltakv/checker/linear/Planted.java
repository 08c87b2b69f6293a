package deltakv.checker.linear;

import deltakv.checker.history.Op;
import deltakv.checker.history.OpType;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Random;

/**
 * Plants one violation into a linearizable history by rewriting completion values, and remembers which
 * operation(s) it changed. Each plant is chosen so the result is certainly not linearizable.
 */
record Planted(List<Op> history, List<Long> plantedInvokeIndexes) {

    /** A read returns a value overwritten two acknowledged writes ago (W0 before W1 before the read). */
    static Planted staleRead(List<Op> h, Random random) {
        return readOfOverwritten(h, random, 2);
    }

    /** The first read after an acknowledged write returns the value from before it: the write is lost. */
    static Planted lostWrite(List<Op> h, Random random) {
        return readOfOverwritten(h, random, 1);
    }

    private static Planted readOfOverwritten(List<Op> h, Random random, int back) {
        List<LinOp> ops = OpPairing.pair(h);
        List<LinOp> writes = ops.stream().filter(o -> o.f().equals("write") && !o.crashed()).toList();
        List<LinOp> reads = new ArrayList<>(ops.stream().filter(o -> o.f().equals("read") && !o.crashed()).toList());
        java.util.Collections.shuffle(reads, random);
        for (LinOp r : reads) {
            // W1: latest acknowledged write completed before the read began; W0: one completed before W1 began.
            LinOp w1 = latestBefore(writes, r.invokeIndex());
            if (w1 == null) continue;
            LinOp w0 = latestBefore(writes, w1.invokeIndex());
            if (back == 2 && w0 != null) w0 = latestBefore(writes, w0.invokeIndex());
            if (w0 == null || Objects.equals(w0.value(), r.value())) continue;
            return new Planted(replaceValue(h, r.complete(), w0.value()), List.of(r.invokeIndex()));
        }
        throw new IllegalStateException("no place to plant a stale read");
    }

    /** Two dequeues swap values although their elements were enqueued in real-time order. */
    static Planted reorderedDequeue(List<Op> h, Random random) {
        List<LinOp> all = OpPairing.pair(h);
        List<LinOp> deq = new ArrayList<>(dequeuesOfEnqueued(h));
        List<LinOp> enq = all.stream().filter(o -> o.f().equals("enqueue")).toList();
        java.util.Collections.shuffle(deq, random);
        for (LinOp d1 : deq) {
            if (!nothingPendingAt(all, d1)) continue;
            LinOp e1 = enqueueOf(enq, d1.value());
            for (LinOp d2 : deq) {
                if (d1.completeIndex() >= d2.invokeIndex()) continue;
                LinOp e2 = enqueueOf(enq, d2.value());
                if (e1 == null || e2 == null || e1.crashed() || e2.crashed() || e1.completeIndex() >= e2.invokeIndex()) continue;
                List<Op> swapped = replaceValue(replaceValue(h, d1.complete(), d2.value()), d2.complete(), d1.value());
                return new Planted(swapped, List.of(d1.invokeIndex(), d2.invokeIndex()));
            }
        }
        throw new IllegalStateException("no place to plant a reordered dequeue");
    }

    /** A later dequeue returns the element an earlier, non-overlapping dequeue already took. */
    static Planted duplicatedDequeue(List<Op> h, Random random) {
        List<LinOp> deq = dequeuesOfEnqueued(h);
        for (int attempt = 0; attempt < 10_000; attempt++) {
            LinOp d1 = deq.get(random.nextInt(deq.size()));
            LinOp d2 = deq.get(random.nextInt(deq.size()));
            if (d1.completeIndex() >= d2.invokeIndex()) continue;
            return new Planted(replaceValue(h, d2.complete(), d1.value()), List.of(d2.invokeIndex()));
        }
        throw new IllegalStateException("no place to plant a duplicated dequeue");
    }

    /**
     * No other dequeue is still pending (or crashed) when d1 completes: otherwise it could have taken d1's
     * original element, and the violation would first become certain at that dequeue instead.
     */
    private static boolean nothingPendingAt(List<LinOp> all, LinOp d1) {
        for (LinOp o : all) {
            if (!o.f().equals("dequeue") || o.invokeIndex() == d1.invokeIndex()) continue;
            if (o.invokeIndex() < d1.completeIndex() && o.completeIndex() > d1.completeIndex()) return false;
        }
        return true;
    }

    private static List<LinOp> dequeuesOfEnqueued(List<Op> h) {
        return OpPairing.pair(h).stream()
                .filter(o -> o.f().equals("dequeue") && !o.crashed() && o.value() != null).toList();
    }

    private static LinOp enqueueOf(List<LinOp> enq, Object value) {
        for (LinOp e : enq) if (e.value().equals(value)) return e;
        return null;
    }

    private static LinOp latestBefore(List<LinOp> writes, long index) {
        LinOp best = null;
        for (LinOp w : writes) {
            if (w.completeIndex() < index && (best == null || w.completeIndex() > best.completeIndex())) best = w;
        }
        return best;
    }

    static List<Op> replaceValue(List<Op> h, Op target, Object value) {
        List<Op> out = new ArrayList<>(h);
        int i = (int) target.index();
        if (out.get(i).type() != OpType.OK) throw new IllegalStateException("can only rewrite ok completions");
        Op o = out.get(i);
        out.set(i, new Op(o.index(), o.time(), o.type(), o.process(), o.f(), value, o.error(), o.extra()));
        return out;
    }
}
