package deltakv.checker.linear;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import deltakv.checker.CheckResult;
import deltakv.checker.Validity;
import deltakv.checker.history.Op;
import deltakv.checker.linear.model.CasRegisterModel;
import deltakv.checker.linear.model.FifoQueueModel;
import deltakv.checker.linear.sim.SimulatedHistories;
import java.util.List;
import java.util.Random;
import java.util.function.BiFunction;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Property: histories from a simulated linearizable object pass; the same history with one planted violation
 * fails, and the explanation names the planted operation. Seeds are fixed so failures reproduce.
 */
class PlantedViolationPropertyTest {
    private static final int SEEDS = 25;
    /** Generous; the whole class normally runs in about a second. */
    private static final java.time.Duration LIMIT = java.time.Duration.ofSeconds(20);

    @ParameterizedTest
    @ValueSource(strings = {"stale-read", "lost-write"})
    void registerViolationsAreFoundAndNamed(String kind) {
        BiFunction<List<Op>, Random, Planted> plant = kind.equals("stale-read") ? Planted::staleRead : Planted::lostWrite;
        for (long seed = 1; seed <= SEEDS; seed++) {
            List<Op> h = SimulatedHistories.registers(seed, 5, 300, 1, 0.05);
            check(new CasRegisterModel(0L), h, plant.apply(h, new Random(seed)), kind, seed);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"reordered-dequeue", "duplicated-dequeue"})
    void queueViolationsAreFoundAndNamed(String kind) {
        BiFunction<List<Op>, Random, Planted> plant =
                kind.equals("reordered-dequeue") ? Planted::reorderedDequeue : Planted::duplicatedDequeue;
        for (long seed = 1; seed <= SEEDS; seed++) {
            List<Op> h = SimulatedHistories.queue(seed, 3, 150, 0.01);
            check(new FifoQueueModel(), h, plant.apply(h, new Random(seed)), kind, seed);
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 8})
    void manyKeyHistoriesPassWithAndWithoutSplitting(int keys) {
        for (long seed = 1; seed <= 5; seed++) {
            List<Op> h = SimulatedHistories.registers(seed, 10, 2_000, keys, 0.05);
            for (boolean split : new boolean[] {true, false}) {
                if (!split && keys > 1) continue; // one register model cannot mix keys without the split
                CheckResult r = new LinearizabilityChecker(new CasRegisterModel(0L), java.time.Duration.ZERO,
                        Budget.defaultMemoryLimit(), split).check(h);
                assertEquals(Validity.TRUE, r.valid(), "seed " + seed + ": " + r.explanation());
            }
        }
    }

    private static void check(Model model, List<Op> original, Planted planted, String kind, long seed) {
        CheckResult good = new LinearizabilityChecker(model, LIMIT).check(original);
        assertEquals(Validity.TRUE, good.valid(), kind + " seed " + seed + " original: " + good.explanation());
        CheckResult bad = new LinearizabilityChecker(model, LIMIT).check(planted.history());
        assertEquals(Validity.FALSE, bad.valid(), kind + " seed " + seed + " planted at " + planted.plantedInvokeIndexes());
        long named = (Long) bad.toData().get("failing-op-index");
        assertTrue(planted.plantedInvokeIndexes().contains(named), kind + " seed " + seed + ": planted "
                + planted.plantedInvokeIndexes() + " but explanation names " + named + "\n" + bad.explanation());
    }
}
