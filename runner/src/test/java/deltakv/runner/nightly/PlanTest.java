package deltakv.runner.nightly;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The night's plan: sentinels always, slices that cover the rotation, shards that split a plan exactly. */
class PlanTest {
    @Test
    void successiveNightsCoverTheWholeMatrixAndEveryNightRunsTheSentinels() {
        for (double budget : new double[] {10 * 60, 30 * 60, 2 * 3600}) {
            Plan first = Plan.night(budget, 0, 0);
            Set<Cell> seen = new HashSet<>();
            for (long seed = 0; seed < first.slices(); seed++) {
                Plan p = Plan.night(budget, seed, 0);
                assertEquals(Matrix.sentinels(), p.cells().subList(0, Matrix.sentinels().size()));
                assertTrue(p.estimateSeconds() <= budget, "fits " + budget);
                seen.addAll(p.cells());
            }
            assertEquals(new HashSet<>(Matrix.all()), seen, "covered in " + first.slices() + " nights at " + budget + " s");
        }
        assertEquals(Matrix.WORKLOADS.size() * Matrix.NEMESES.size() * Matrix.VARIANTS.size()
                + deltakv.runner.reproduce.Catalogue.all().size(), Matrix.all().size());
    }

    @Test
    void aBudgetBelowTheSentinelsRunsOnlyThem() {
        Plan p = Plan.night(60, 5, 0);
        assertEquals(Matrix.sentinels(), p.cells());
        assertEquals(-1, p.slice());
    }

    @Test
    void theSameSeedAndBudgetGiveTheSamePlan() {
        assertEquals(Plan.night(1800, 20794, 0), Plan.night(1800, 20794, 0));
    }

    @Test
    void shardsSplitAPlanWithEveryCellInExactlyOneShard() {
        Plan night = Plan.night(3 * 1800, 42, 0);
        for (int n = 1; n <= 5; n++) {
            List<Cell> union = new ArrayList<>();
            double max = 0;
            double min = Double.MAX_VALUE;
            for (int i = 1; i <= n; i++) {
                Plan s = night.shard(i, n);
                union.addAll(s.cells());
                max = Math.max(max, s.estimateSeconds());
                min = Math.min(min, s.estimateSeconds());
            }
            assertEquals(night.cells().size(), union.size(), "no cell twice with " + n + " shards");
            assertEquals(new HashSet<>(night.cells()), new HashSet<>(union));
            assertTrue(max - min <= 70, "balanced: " + min + ".." + max);
        }
        // the bench's time on shard 1 leaves it fewer cells
        assertTrue(night.shard(1, 3, 900).cells().size() < night.shard(2, 3, 900).cells().size());
        assertThrows(IllegalArgumentException.class, () -> night.shard(4, 3));
    }
}
