package deltakv.nemesis;

import java.util.List;
import java.util.function.Function;

/**
 * One fault kind (or a composition of several), Jepsen's nemesis package as a value: the nemesis that
 * carries faults out, the schedule it follows in the main phase (generated from the run's seed), and
 * the plot bands its faults draw. The runner executes the schedule next to the workers and calls
 * {@link Nemesis#healAll} before recovery.
 */
public record NemesisPackage(String name, Nemesis nemesis, Function<ScheduleParams, List<Fault>> schedule,
                             List<PlotBand> plotBands) {
    public NemesisPackage {
        plotBands = List.copyOf(plotBands);
    }

    /** No faults: the cluster is left alone. */
    public static final NemesisPackage NONE = new NemesisPackage("none", Nemesis.NONE, p -> List.of(), List.of());

    /** What a schedule is generated from: the run's seed, length, mean interval and allowed targets. */
    public record ScheduleParams(long seed, long timeLimitMillis, long intervalMillis, List<String> targets,
                                 List<String> nodes) {}
}
