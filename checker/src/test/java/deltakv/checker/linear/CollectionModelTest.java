package deltakv.checker.linear;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import deltakv.checker.CheckResult;
import deltakv.checker.Validity;
import deltakv.checker.linear.model.CollectionModel;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The cardinality-aware collection model: histories that must pass and histories that must fail. */
class CollectionModelTest {
    private static CheckResult check(Hist h) {
        return new LinearizabilityChecker(new CollectionModel()).check(h.ops());
    }

    private static List<Object> v(Object... items) {
        return Arrays.asList(items);
    }

    @Test
    void concurrentAddsRemovesCardsAndReadsThatFitOneOrderPass() {
        Hist h = new Hist()
                .invoke(0, "add", v(1L, null, null)).invoke(1, "add", v(2L, null, null))
                .ok(0, "add", v(1L, null, 1L)).invoke(2, "card", null).ok(1, "add", v(2L, null, 1L)).ok(2, "card", 1L)
                .invoke(0, "add", v(1L, null, null)).ok(0, "add", v(1L, null, 0L)) // already there
                .invoke(1, "remove", v(3L, null)).ok(1, "remove", v(3L, 0L))
                .invoke(2, "read", null).ok(2, "read", List.of(2L, 1L))
                .invoke(0, "del", null).ok(0, "del", 1L)
                .invoke(1, "card", null).ok(1, "card", 0L);
        assertEquals(Validity.TRUE, check(h).valid(), check(h).explanation());
    }

    @Test
    void aCardinalityNoOrderExplainsFails() {
        Hist h = new Hist()
                .invoke(0, "add", v(1L, 10L, null)).ok(0, "add", v(1L, 10L, 1L))
                .invoke(0, "add", v(1L, 11L, null)).ok(0, "add", v(1L, 11L, 0L))
                .invoke(1, "card", null).ok(1, "card", 2L);
        CheckResult r = check(h);
        assertEquals(Validity.FALSE, r.valid());
        assertTrue(r.explanation().contains("the cardinality read 2, but the collection held 1 element(s)"), r.explanation());
    }

    @Test
    void anAddThatClaimsNewForAnExistingElementFails() {
        Hist h = new Hist()
                .invoke(0, "add", v(5L, null, null)).ok(0, "add", v(5L, null, 1L))
                .invoke(1, "add", v(5L, null, null)).ok(1, "add", v(5L, null, 1L));
        assertEquals(Validity.FALSE, check(h).valid());
    }

    @Test
    void hashReadsCompareValuesAndSortedSetReadsCompareOrder() {
        Hist hash = new Hist()
                .invoke(0, "add", v(1L, 100L, null)).ok(0, "add", v(1L, 100L, 1L))
                .invoke(0, "add", v(1L, 101L, null)).ok(0, "add", v(1L, 101L, 0L))
                .invoke(1, "read", null).ok(1, "read", Map.of(1L, 100L)); // the old value, after the update
        assertEquals(Validity.FALSE, check(hash).valid());
        Hist zsetOk = new Hist()
                .invoke(0, "add", v(7L, 3L, null)).ok(0, "add", v(7L, 3L, 1L))
                .invoke(0, "add", v(8L, 1L, null)).ok(0, "add", v(8L, 1L, 1L))
                .invoke(1, "read", null).ok(1, "read", List.of(List.of(8L, 1L), List.of(7L, 3L)));
        assertEquals(Validity.TRUE, check(zsetOk).valid());
        Hist zsetBad = new Hist()
                .invoke(0, "add", v(7L, 3L, null)).ok(0, "add", v(7L, 3L, 1L))
                .invoke(0, "add", v(8L, 1L, null)).ok(0, "add", v(8L, 1L, 1L))
                .invoke(1, "read", null).ok(1, "read", List.of(List.of(7L, 3L), List.of(8L, 1L))); // not by score
        assertEquals(Validity.FALSE, check(zsetBad).valid());
    }

    @Test
    void aCrashedAddMayOrMayNotHaveHappened() {
        Hist h = new Hist()
                .invoke(0, "add", v(1L, null, null)).info(0, "add", v(1L, null, null))
                .invoke(1, "card", null).ok(1, "card", 1L)
                .invoke(1, "card", null).ok(1, "card", 1L);
        assertEquals(Validity.TRUE, check(h).valid());
    }
}
