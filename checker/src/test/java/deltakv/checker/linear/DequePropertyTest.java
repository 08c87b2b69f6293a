package deltakv.checker.linear;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import deltakv.checker.CheckResult;
import deltakv.checker.Validity;
import deltakv.checker.history.Op;
import deltakv.checker.linear.model.DequeModel;
import deltakv.checker.linear.sim.SimulatedHistories;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.function.BiFunction;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The deque model against simulated Redis lists (pushes and pops at both ends, LLEN, LRANGE, DEL, crashes, and a
 * final drain with :unknown LPOPs): every such history passes; with one planted violation it fails, and the
 * explanation names the planted op. Seeds are fixed so failures reproduce.
 */
class DequePropertyTest {
    private static final int SEEDS = 20;
    /** Generous; the whole class normally runs in a second or two. */
    private static final Duration LIMIT = Duration.ofSeconds(20);

    @ParameterizedTest
    @ValueSource(ints = {1, 3})
    void simulatedDequeHistoriesPass(int keys) {
        for (long seed = 1; seed <= SEEDS; seed++) {
            List<Op> h = SimulatedHistories.deque(seed, 4, 200, keys, 0.03, 0.2);
            CheckResult r = new LinearizabilityChecker(new DequeModel(), LIMIT).check(h);
            assertEquals(Validity.TRUE, r.valid(), "seed " + seed + ": " + r.explanation());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"duplicated-pop", "wrong-length", "lost-from-drain"})
    void plantedViolationsAreFoundAndNamed(String kind) {
        BiFunction<List<Op>, Random, Planted> plant = switch (kind) {
            case "duplicated-pop" -> DequePlants::duplicatedPop;
            case "wrong-length" -> DequePlants::wrongLength;
            default -> DequePlants::lostFromDrain;
        };
        int plantedCount = 0;
        for (long seed = 1; plantedCount < SEEDS; seed++) {
            assertTrue(seed <= 2 * SEEDS, kind + ": too few histories offer a place to plant it");
            List<Op> h = SimulatedHistories.deque(seed, 3, 200, 2, 0.01, 0.2);
            Planted planted = plant.apply(h, new Random(seed));
            if (planted == null) continue; // e.g. every LLEN overlaps another op on its key
            plantedCount++;
            CheckResult good = new LinearizabilityChecker(new DequeModel(), LIMIT).check(h);
            assertEquals(Validity.TRUE, good.valid(), kind + " seed " + seed + " original: " + good.explanation());
            CheckResult bad = new LinearizabilityChecker(new DequeModel(), LIMIT).check(planted.history());
            assertEquals(Validity.FALSE, bad.valid(),
                    kind + " seed " + seed + " planted at " + planted.plantedInvokeIndexes());
            long named = (Long) bad.toData().get("failing-op-index");
            assertTrue(planted.plantedInvokeIndexes().contains(named), kind + " seed " + seed + ": planted "
                    + planted.plantedInvokeIndexes() + " but explanation names " + named + "\n" + bad.explanation());
        }
    }
}
