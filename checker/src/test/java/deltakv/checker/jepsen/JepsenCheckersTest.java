package deltakv.checker.jepsen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import deltakv.checker.CheckResult;
import deltakv.checker.Validity;
import deltakv.checker.history.Keyword;
import deltakv.checker.linear.Fixtures;
import deltakv.checker.linear.Hist;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Result fields of the Jepsen checkers, named and computed as Jepsen does. */
class JepsenCheckersTest {
    @Test
    void counterReportsBoundsOfEveryRead() throws Exception {
        CheckResult r = new CounterChecker().check(Fixtures.history("jepsen/counter-pass.edn"));
        assertEquals(List.of(List.of(1L, 6L, 6L), List.of(1L, 1L, 6L)), r.toData().get("reads"));
        CheckResult bad = new CounterChecker().check(Fixtures.history("jepsen/counter-fail-too-high.edn"));
        assertEquals(List.of(List.of(1L, 3L, 1L)), bad.toData().get("errors"));
        assertTrue(bad.explanation().contains("read of 3 at index 5 outside [1, 1]"), bad.explanation());
    }

    @Test
    void setReportsJepsenFields() throws Exception {
        Map<String, Object> d = new SetChecker().check(Fixtures.history("jepsen/set-pass.edn")).toData();
        assertEquals(3, d.get("attempt-count"));
        assertEquals(1, d.get("acknowledged-count"));
        assertEquals(1, d.get("recovered-count"));
        assertEquals("#{0..1}", d.get("ok"));
        assertEquals("#{1}", d.get("recovered"));
        Map<String, Object> lost = new SetChecker().check(Fixtures.history("jepsen/set-fail-lost.edn")).toData();
        assertEquals("#{1}", lost.get("lost"));
    }

    @Test
    void setFullClassifiesElements() throws Exception {
        Map<String, Object> ok = new SetFullChecker().check(Fixtures.history("jepsen/set-full-pass.edn")).toData();
        assertEquals(2, ok.get("stable-count"));
        assertEquals(List.of(2L), ok.get("never-read"));
        assertEquals(0, ok.get("stale-count"));
        Map<String, Object> lost = new SetFullChecker().check(Fixtures.history("jepsen/set-full-fail-lost.edn")).toData();
        assertEquals(List.of(1L), lost.get("lost"));
        // Lost from the last sighting (read invoked at 3 ms) after becoming known (add ok at 2 ms).
        assertEquals(Map.of("0", 1L, "0.5", 1L, "0.95", 1L, "0.99", 1L, "1", 1L), lost.get("lost-latencies"));
    }

    @Test
    void setFullStaleElementsFailOnlyWhenLinearizable() throws Exception {
        var h = Fixtures.history("jepsen/set-full-stale.edn");
        CheckResult lax = new SetFullChecker(false).check(h);
        assertEquals(Validity.TRUE, lax.valid());
        assertEquals(List.of(1L), lax.toData().get("stale"));
        assertEquals(List.of(Map.of("element", 1L, "stable-latency", 2L)), lax.toData().get("worst-stale"));
        CheckResult strict = new SetFullChecker(true).check(h);
        assertEquals(Validity.FALSE, strict.valid());
        assertEquals(List.of("stale"), strict.anomalyTypes());
    }

    @Test
    void queueCountsLostDuplicatedUnexpectedRecovered() throws Exception {
        Map<String, Object> ok = new TotalQueueChecker().check(Fixtures.history("jepsen/queue-pass.edn")).toData();
        assertEquals(3L, ok.get("attempt-count"));
        assertEquals(2L, ok.get("acknowledged-count"));
        assertEquals(List.of("b"), ok.get("recovered"));
        Map<String, Object> dup = new TotalQueueChecker().check(Fixtures.history("jepsen/queue-fail-duplicated.edn")).toData();
        assertEquals(List.of("a"), dup.get("duplicated"));
    }

    @Test
    void queueLostOnlyBeyondCrashedDequeuesOfTheSameKey() throws Exception {
        CheckResult pass = new TotalQueueChecker().check(Fixtures.history("jepsen/queue-pass-crashed-dequeue.edn"));
        assertEquals(List.of("b"), pass.toData().get("possibly-consumed"));
        assertEquals(1L, pass.toData().get("possibly-consumed-count"));
        assertEquals(0L, pass.toData().get("lost-count"));
        CheckResult fail = new TotalQueueChecker().check(Fixtures.history("jepsen/queue-fail-lost-beyond-crashed.edn"));
        assertEquals(List.of("b", "c"), fail.toData().get("lost"));
        assertEquals(1L, fail.toData().get("lost-count"));
        assertEquals(List.of(), fail.toData().get("possibly-consumed"));
        assertTrue(fail.explanation().contains("at least 1 of these 2 acknowledged enqueues on key 1 were lost; only 1 "
                + "crashed dequeue could have taken them"), fail.explanation());
    }

    @Test
    void queueDrainMarkersAndCrashedDrainsAreUnknownDequeues() {
        // a, b, c acknowledged; a drain with one :unknown LPOP returns [a]; a crashed drain had returned [b].
        var h = new Hist().invoke(0, "enqueue", "a").ok(0, "enqueue", "a")
                .invoke(0, "enqueue", "b").ok(0, "enqueue", "b")
                .invoke(0, "enqueue", "c").ok(0, "enqueue", "c")
                .invoke(0, "enqueue", "d").ok(0, "enqueue", "d")
                .invoke(1, "drain", null).info(1, "drain", List.of("b"))
                .invoke(2, "drain", null).ok(2, "drain", List.of(Keyword.of("unknown"), "a")).ops();
        CheckResult r = new TotalQueueChecker().check(h);
        assertEquals(Validity.TRUE, r.valid(), r.explanation());
        assertEquals(List.of("c", "d"), r.toData().get("possibly-consumed"));
        assertEquals(List.of(), r.toData().get("unexpected"), ":unknown is not an element");
        CheckResult lost = new TotalQueueChecker().check(new Hist().invoke(0, "enqueue", "a").ok(0, "enqueue", "a")
                .invoke(1, "drain", null).info(1, "drain", null).invoke(2, "enqueue", "b").ok(2, "enqueue", "b")
                .invoke(3, "enqueue", "c").ok(3, "enqueue", "c").ops());
        assertEquals(Validity.FALSE, lost.valid());
        assertEquals(2L, lost.toData().get("lost-count"));
    }

    @Test
    void badInputGivesClearErrors() {
        var badDrain = new Hist().invoke(0, "drain", null).ok(0, "drain", 3L).ops();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new TotalQueueChecker().check(badDrain));
        assertTrue(e.getMessage().contains(":drain at index 1 must return a collection"), e.getMessage());
        var textCounter = new Hist().invoke(0, "add", "one").ok(0, "add", "one").ops();
        assertThrows(IllegalArgumentException.class, () -> new CounterChecker().check(textCounter));
        var orphan = new Hist().ok(0, "add", 1L).ops();
        assertThrows(IllegalArgumentException.class, () -> new SetChecker().check(orphan));
        // Through the registry the same problems are one-line history errors, which `dkv check` exits 254 on.
        assertThrows(deltakv.checker.history.HistoryException.class,
                () -> deltakv.checker.Checkers.forWorkload("counter", deltakv.checker.CheckOptions.defaults()).check(textCounter));
    }
}
