package deltakv.checker.elle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import deltakv.checker.CheckOptions;
import deltakv.checker.CheckResult;
import deltakv.checker.Validity;
import deltakv.checker.elle.gen.AnomalyInjector;
import deltakv.checker.elle.gen.HistoryGenerator;
import deltakv.checker.elle.gen.HistoryGenerator.Workload;
import deltakv.checker.history.Op;
import deltakv.checker.history.OpType;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Property tests over seeded generated histories: valid ones pass, each planted anomaly is found by type. */
class GeneratedHistoriesTest {
    private static final CheckOptions SS = CheckOptions.defaults();

    @Test
    void validListAppendHistoriesPass() {
        for (long seed = 1; seed <= 8; seed++) {
            List<Op> h = HistoryGenerator.generate(HistoryGenerator.Config.of(Workload.LIST_APPEND, seed, 3000));
            assertTrue(h.stream().anyMatch(o -> o.type() == OpType.INFO), "generator should produce info ops");
            assertTrue(h.stream().anyMatch(o -> o.type() == OpType.FAIL), "generator should produce fail ops");
            CheckResult r = new ListAppendChecker(SS).check(h);
            assertEquals(Validity.TRUE, r.valid(), "seed " + seed + ": " + r.explanation());
        }
    }

    @Test
    void validRwRegisterHistoriesPass() {
        for (long seed = 1; seed <= 8; seed++) {
            List<Op> h = HistoryGenerator.generate(HistoryGenerator.Config.of(Workload.RW_REGISTER, seed, 3000));
            CheckOptions all = SS.withFlags(RwRegisterChecker.FLAGS);
            for (CheckOptions o : List.of(SS, all)) {
                CheckResult r = new RwRegisterChecker(o).check(h);
                assertEquals(Validity.TRUE, r.valid(), "seed " + seed + " " + o.flags() + ": " + r.explanation());
            }
        }
    }

    @Test
    void aStoreServingStaleReadsIsCaught() {
        List<Op> h = HistoryGenerator.generate(
                HistoryGenerator.Config.of(Workload.LIST_APPEND, 11, 3000).withStaleReads(0.02));
        CheckResult r = new ListAppendChecker(SS).check(h);
        assertEquals(Validity.FALSE, r.valid());
        assertTrue(r.anomalyTypes().stream().anyMatch(t -> t.startsWith("G-single-item") || t.startsWith("G2-item")
                || t.startsWith("G-nonadjacent")), r.anomalyTypes().toString());
        // Serializable forgives what only realtime order exposes, but stale reads still break it here.
        CheckResult weaker = new ListAppendChecker(SS.withModels(List.of("serializable"))).check(h);
        assertEquals(Validity.FALSE, weaker.valid(), weaker.anomalyTypes().toString());
    }

    @ParameterizedTest
    @EnumSource(AnomalyInjector.Plant.class)
    void plantedAnomalyIsFoundWithItsType(AnomalyInjector.Plant plant) {
        for (long seed = 1; seed <= 3; seed++) {
            List<Op> valid = HistoryGenerator.generate(HistoryGenerator.Config.of(Workload.LIST_APPEND, seed, 2000));
            List<Op> h = AnomalyInjector.plant(valid, plant, seed);
            CheckResult r = new ListAppendChecker(SS).check(h);
            assertEquals(Validity.FALSE, r.valid(), plant + " seed " + seed);
            assertEquals(plant.expected, r.anomalyTypes(), plant + " seed " + seed + ": " + r.explanation());
        }
    }

    @ParameterizedTest
    @EnumSource(AnomalyInjector.RegisterPlant.class)
    void plantedRegisterAnomalyIsFoundWithItsType(AnomalyInjector.RegisterPlant plant) {
        for (long seed = 1; seed <= 2; seed++) {
            List<Op> valid = HistoryGenerator.generate(HistoryGenerator.Config.of(Workload.RW_REGISTER, seed, 2000));
            List<Op> h = AnomalyInjector.plant(valid, plant, seed);
            CheckResult r = new RwRegisterChecker(SS).check(h);
            assertEquals(Validity.FALSE, r.valid(), plant + " seed " + seed);
            assertEquals(plant.expected, r.anomalyTypes(), plant + " seed " + seed + ": " + r.explanation());
        }
    }
}
