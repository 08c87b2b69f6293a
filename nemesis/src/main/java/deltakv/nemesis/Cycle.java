package deltakv.nemesis;

import deltakv.checker.history.Keyword;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * One fault kind's schedule, as Jepsen's nemesis packages cycle: after a random stagger, start the fault on
 * a random allowed target, stop it after about one interval, wait about one interval, again — until the main
 * phase ends (a fault still on then is undone by recovery). Intervals are uniform in [½, 1½] × the mean.
 * Each kind draws from its own generator (seed and kind), so composing kinds does not change any kind's
 * schedule.
 */
public final class Cycle {
    private Cycle() {}

    /** @param targets the values a start may carry (shapes or node targets) */
    public static List<Fault> of(String kind, List<String> targets, NemesisPackage.ScheduleParams p) {
        Random r = new Random(p.seed() * 31 + kind.hashCode());
        List<Fault> out = new ArrayList<>();
        long interval = Math.max(1, p.intervalMillis());
        long t = (long) (r.nextDouble() * interval);
        while (t < p.timeLimitMillis()) {
            String target = targets.get(r.nextInt(targets.size()));
            out.add(new Fault(t, "start-" + kind, Keyword.of(target), r.nextLong()));
            t += jitter(r, interval);
            if (t >= p.timeLimitMillis()) break;
            out.add(new Fault(t, "stop-" + kind, null, r.nextLong()));
            t += jitter(r, interval);
        }
        return out;
    }

    private static long jitter(Random r, long interval) {
        return (long) (interval * (0.5 + r.nextDouble()));
    }
}
