package deltakv.nemesis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Schedules are data derived from the seed: the same seed gives the same faults, kind by kind. */
class ScheduleTest {
    private static NemesisPackage.ScheduleParams params(long seed) {
        return new NemesisPackage.ScheduleParams(seed, 60_000, 10_000, List.of(), List.of("n1", "n2", "n3"));
    }

    @Test
    void sameSeedSameSchedule() {
        NemesisPackage a = Nemeses.create("partition,kill,pause");
        NemesisPackage b = Nemeses.create("partition,kill,pause");
        assertEquals(a.schedule().apply(params(42)), b.schedule().apply(params(42)));
        assertNotEquals(a.schedule().apply(params(42)), a.schedule().apply(params(43)));
    }

    @Test
    void eachKindAlternatesStartAndStopWithinTheTimeLimit() {
        List<Fault> faults = Nemeses.create("all").schedule().apply(params(7));
        for (String kind : List.of("partition", "kill", "pause")) {
            List<Fault> own = faults.stream().filter(f -> f.kind().equals(kind)).toList();
            assertTrue(own.size() >= 2, kind + ": " + own);
            for (int i = 0; i < own.size(); i++) {
                assertEquals((i % 2 == 0 ? "start-" : "stop-") + kind, own.get(i).f());
                assertTrue(own.get(i).atMillis() < 60_000);
            }
        }
        for (int i = 1; i < faults.size(); i++) assertTrue(faults.get(i - 1).atMillis() <= faults.get(i).atMillis());
    }

    @Test
    void composingKindsKeepsEachKindsSchedule() {
        List<Fault> alone = Nemeses.create("kill").schedule().apply(params(5));
        List<Fault> composed = Nemeses.create("partition,kill").schedule().apply(params(5));
        assertEquals(alone, composed.stream().filter(f -> f.kind().equals("kill")).toList());
    }

    @Test
    void targetsNarrowEveryKind() {
        List<Fault> faults = Nemeses.create("partition,kill", List.of("leader")).schedule().apply(params(3));
        faults.stream().filter(f -> f.f().startsWith("start-"))
                .forEach(f -> assertEquals("leader", ((deltakv.checker.history.Keyword) f.value()).name()));
    }
}
