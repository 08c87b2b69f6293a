package deltakv.checker.linear;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import deltakv.checker.CheckOptions;
import deltakv.checker.CheckResult;
import deltakv.checker.Checkers;
import deltakv.checker.Validity;
import deltakv.checker.history.Keyword;
import deltakv.checker.history.Op;
import deltakv.checker.linear.model.CasRegisterModel;
import deltakv.checker.linear.model.DequeModel;
import deltakv.checker.linear.model.FifoQueueModel;
import deltakv.checker.linear.model.KeyedModel;
import deltakv.checker.linear.model.MultiRegisterModel;
import deltakv.checker.linear.model.SetModel;
import deltakv.checker.linear.sim.SimulatedHistories;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Model-specific behaviour beyond the fixtures: splitting, keyed objects, explanations. */
class ModelsTest {
    private static final Keyword R = Keyword.of("read");
    private static final Keyword W = Keyword.of("write");
    private static final Keyword X = Keyword.of("x");
    private static final Keyword Y = Keyword.of("y");

    @Test
    void multiRegisterSplitsIntoKeyComponents() {
        List<Op> h = new Hist()
                .invoke(0, "txn", List.of(List.of(W, X, 1L))).ok(0, "txn", List.of(List.of(W, X, 1L)))
                .invoke(1, "txn", List.of(List.of(W, Y, 2L))).ok(1, "txn", List.of(List.of(W, Y, 2L)))
                .invoke(2, "txn", List.of(java.util.Arrays.asList(R, Y, null))).ok(2, "txn", List.of(List.of(R, Y, 2L))).ops();
        Model m = new MultiRegisterModel(Map.of(X, 0L, Y, 0L));
        LinearResult r = (LinearResult) new LinearizabilityChecker(m).check(h);
        assertEquals(Validity.TRUE, r.valid());
        assertEquals(2, r.partitions(), "x and y never share a transaction");
    }

    @Test
    void keyedModelAgreesWithPerKeySplitting() {
        List<Op> h = SimulatedHistories.registers(3, 5, 3_000, 8, 0.02);
        Model keyed = new KeyedModel(new CasRegisterModel(0L));
        for (boolean split : new boolean[] {true, false}) {
            CheckResult r = new LinearizabilityChecker(keyed, Duration.ofSeconds(30), Budget.defaultMemoryLimit(), split).check(h);
            assertEquals(Validity.TRUE, r.valid(), "split=" + split);
        }
        CheckResult perKey = new LinearizabilityChecker(new CasRegisterModel(0L)).check(h);
        assertEquals(8, ((LinearResult) perKey).partitions());
        assertEquals(Validity.TRUE, perKey.valid());
    }

    @Test
    void fifoLookAheadExplainsWhyAnEnqueueCannotGoBehind() {
        // 1 is enqueued, then 2 (in real time); yet 2 is dequeued, completely, before 1 is.
        List<Op> h = new Hist()
                .invoke(0, "enqueue", 1L).ok(0, "enqueue", 1L)
                .invoke(0, "enqueue", 2L).ok(0, "enqueue", 2L)
                .invoke(1, "dequeue", null).ok(1, "dequeue", 2L)
                .invoke(1, "dequeue", null).ok(1, "dequeue", 1L).ops();
        CheckResult r = new LinearizabilityChecker(new FifoQueueModel()).check(h);
        assertEquals(Validity.FALSE, r.valid());
        assertTrue(r.explanation().contains("cannot linearize: p1 :dequeue 2 [index 4]"), r.explanation());
    }

    @Test
    void fifoDrainOrderSettlesConcurrentEnqueues() {
        // 24 concurrent enqueues left for the final drain: without the drain's order as look-ahead (DrainOrder) the
        // search tries their orders one by one until it reaches the drain, and runs out of time.
        Hist h = new Hist();
        for (long p = 0; p < 24; p++) h.invoke(p, "enqueue", p);
        for (long p = 0; p < 24; p++) h.ok(p, "enqueue", p);
        List<Object> drained = new java.util.ArrayList<>();
        for (long p = 23; p >= 0; p--) drained.add(p);
        h.invoke(99, "drain", null).ok(99, "drain", drained);
        CheckResult r = new LinearizabilityChecker(new FifoQueueModel(), Duration.ofSeconds(20), Budget.defaultMemoryLimit(), true)
                .check(h.ops());
        assertEquals(Validity.TRUE, r.valid(), r.explanation());
    }

    @Test
    void dequeDrainOrderSettlesConcurrentPushesAtBothEnds() {
        // 22 concurrent pushes with no length in their replies (--push-lengths skip), odd ones LPUSH: only the drain
        // orders them. The drain's list: the LPUSHed ones from the last pushed to the first, then the RPUSHed ones.
        Hist h = new Hist();
        for (long p = 0; p < 22; p++) h.invoke(p, p % 2 == 1 ? "lpush" : "rpush", java.util.Arrays.asList(p, null));
        for (long p = 0; p < 22; p++) h.ok(p, p % 2 == 1 ? "lpush" : "rpush", java.util.Arrays.asList(p, null));
        List<Object> drained = new java.util.ArrayList<>();
        for (long p = 21; p >= 0; p -= 2) drained.add(p);
        for (long p = 0; p < 22; p += 2) drained.add(p);
        h.invoke(99, "drain", null).ok(99, "drain", drained);
        CheckResult r = new LinearizabilityChecker(new DequeModel(), Duration.ofSeconds(20), Budget.defaultMemoryLimit(), true)
                .check(h.ops());
        assertEquals(Validity.TRUE, r.valid(), r.explanation());
    }

    @Test
    void dequeDrainOrderContradictingPushOrderIsInvalid() {
        // LPUSH 1, then LPUSH 2: the list is [2 1], yet the drain takes 1 first.
        List<Op> h = new Hist()
                .invoke(0, "lpush", java.util.Arrays.asList(1L, null)).ok(0, "lpush", java.util.Arrays.asList(1L, null))
                .invoke(0, "lpush", java.util.Arrays.asList(2L, null)).ok(0, "lpush", java.util.Arrays.asList(2L, null))
                .invoke(1, "drain", null).ok(1, "drain", List.of(1L, 2L)).ops();
        CheckResult r = new LinearizabilityChecker(new DequeModel()).check(h);
        assertEquals(Validity.FALSE, r.valid());
        assertTrue(r.explanation().contains("cannot linearize: p1 :drain [1 2] [index 4]"), r.explanation());
    }

    @Test
    void fifoDrainOrderContradictingEnqueueOrderIsBlamedOnTheDrain() {
        // 1 is enqueued before 2 begins, yet the drain takes 2 first: the drain is the op whose outcome is impossible.
        List<Op> h = new Hist()
                .invoke(0, "enqueue", 1L).ok(0, "enqueue", 1L)
                .invoke(0, "enqueue", 2L).ok(0, "enqueue", 2L)
                .invoke(1, "drain", null).ok(1, "drain", List.of(2L, 1L)).ops();
        CheckResult r = new LinearizabilityChecker(new FifoQueueModel()).check(h);
        assertEquals(Validity.FALSE, r.valid());
        assertTrue(r.explanation().contains("cannot linearize: p1 :drain [2 1] [index 4]"), r.explanation());
    }

    @Test
    void crashedDrainIsUnsupported() {
        List<Op> fifo = new Hist().invoke(0, "enqueue", 1L).ok(0, "enqueue", 1L)
                .invoke(1, "drain", null).info(1, "drain", null).ops();
        List<Op> deque = new Hist().invoke(0, "rpush", java.util.Arrays.asList(1L, null)).ok(0, "rpush", List.of(1L, 1L))
                .invoke(1, "drain", null).ops(); // never completed
        for (var c : List.of(Map.entry("fifo-queue", fifo), Map.entry("deque", deque))) {
            var e = org.junit.jupiter.api.Assertions.assertThrows(deltakv.checker.history.HistoryException.class,
                    () -> Checkers.forModel(c.getKey(), CheckOptions.defaults()).check(c.getValue()));
            assertTrue(e.getMessage().contains("expected a completed :drain"), e.getMessage());
        }
    }

    @Test
    void violationWithADrainPendingAtACutIsStillExplained() {
        // The LLEN of 2 is impossible; cutting the history at its completion leaves the drain pending.
        List<Op> h = new Hist().invoke(0, "rpush", java.util.Arrays.asList(1L, null)).ok(0, "rpush", List.of(1L, 1L))
                .invoke(1, "drain", null).invoke(2, "llen", null).ok(2, "llen", 2L).ok(1, "drain", List.of(1L)).ops();
        CheckResult r = new LinearizabilityChecker(new DequeModel()).check(h);
        assertEquals(Validity.FALSE, r.valid());
        assertTrue(r.explanation().contains("cannot linearize: "), r.explanation());
    }

    @Test
    void concurrentPushesThatBothClaimLengthOneAreExplainedCoherently() {
        // As the delta variant replies: LPUSH and RPUSH overlap on an empty list and both say length 1.
        List<Op> h = new Hist().invoke(0, "lpush", java.util.Arrays.asList(1L, null))
                .invoke(1, "rpush", java.util.Arrays.asList(2L, null))
                .ok(1, "rpush", List.of(2L, 1L)).ok(0, "lpush", List.of(1L, 1L)).ops();
        LinearResult r = (LinearResult) new LinearizabilityChecker(new DequeModel()).check(h);
        assertEquals(Validity.FALSE, r.valid());
        String text = r.explanation();
        // The blocked op is never one the prefix already linearized, and the reason names the lengths.
        String blocked = text.substring(text.indexOf("cannot linearize: ") + 18, text.indexOf('\n', text.indexOf("cannot linearize: ")));
        String prefix = text.substring(text.indexOf("longest linearizable prefix"), text.indexOf("cannot linearize: "));
        assertTrue(!prefix.contains(blocked), text);
        assertTrue(text.contains("replied length 1, but the list held 1 element(s), so the push makes it 2"), text);
    }

    @Test
    void dequeTakesAnInitialList() {
        List<Op> h = new Hist().invoke(0, "rpop", null).ok(0, "rpop", 2L)
                .invoke(0, "llen", null).ok(0, "llen", 1L).ops();
        CheckOptions opts = new CheckOptions(null, 0, "[1 2]", null);
        assertEquals(Validity.TRUE, Checkers.forModel("deque", opts).check(h).valid());
        var e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> Checkers.forModel("deque", new CheckOptions(null, 0, "{:a 1}", null)));
        assertTrue(e.getMessage().contains("vector"), e.getMessage());
    }

    @Test
    void anInitialElementPushedAgainIsNotTakenForItsOnlyCopy() {
        // x is in the initial list and pushed once more by a crashed push; the drain takes one x. Linearizable (the
        // crashed push never happened), so x must not be labelled as pushed once and removed once.
        List<Op> deque = new Hist().invoke(0, "rpush", java.util.Arrays.asList(7L, null)).info(0, "rpush", java.util.Arrays.asList(7L, null))
                .invoke(1, "drain", null).ok(1, "drain", List.of(7L)).ops();
        List<Op> fifo = new Hist().invoke(0, "enqueue", 7L).info(0, "enqueue", 7L)
                .invoke(1, "drain", null).ok(1, "drain", List.of(7L)).ops();
        CheckOptions opts = new CheckOptions(null, 0, "[7]", null);
        assertEquals(Validity.TRUE, Checkers.forModel("deque", opts).check(deque).valid());
        assertEquals(Validity.TRUE, Checkers.forModel("fifo-queue", opts).check(fifo).valid());
    }

    @Test
    void setWithoutReadsSplitsPerElement() {
        List<Op> h = new Hist().invoke(0, "add", 1L).ok(0, "add", 1L).invoke(1, "add", 2L).ok(1, "add", 2L)
                .invoke(0, "contains", List.of(1L, true)).ok(0, "contains", List.of(1L, true))
                .invoke(0, "remove", 2L).ok(0, "remove", 2L)
                .invoke(1, "contains", List.of(2L, false)).ok(1, "contains", List.of(2L, false)).ops();
        LinearResult r = (LinearResult) new LinearizabilityChecker(new SetModel()).check(h);
        assertEquals(Validity.TRUE, r.valid());
        assertEquals(2, r.partitions());
    }

    @Test
    void firstViolationAmongManyPartsIsReported() {
        Hist h = new Hist();
        for (long k = 0; k < 40; k++) {
            h.add(deltakv.checker.history.OpType.INVOKE, k, "write", k);
        }
        List<Op> ops = new java.util.ArrayList<>();
        for (Op o : h.ops()) ops.add(withKey(o, o.process()));
        long i = ops.size();
        for (long k = 0; k < 40; k++) {
            ops.add(withKey(new Op(i++, i, deltakv.checker.history.OpType.OK, k, "write", k, null, Map.of()), k));
        }
        for (long k = 0; k < 40; k++) {
            long read = k == 17 ? 99L : k; // key 17 reads a value never written
            ops.add(withKey(new Op(i++, i, deltakv.checker.history.OpType.INVOKE, k, "read", null, null, Map.of()), k));
            ops.add(withKey(new Op(i++, i, deltakv.checker.history.OpType.OK, k, "read", read, null, Map.of()), k));
        }
        CheckResult r = new LinearizabilityChecker(new CasRegisterModel(null)).check(ops);
        assertEquals(Validity.FALSE, r.valid());
        assertTrue(r.explanation().contains("cannot linearize: p17 :read 99"), r.explanation());
    }

    private static Op withKey(Op o, Object key) {
        return new Op(o.index(), o.time(), o.type(), o.process(), o.f(), o.value(), o.error(), Map.of(Keyword.of("key"), key));
    }
}
