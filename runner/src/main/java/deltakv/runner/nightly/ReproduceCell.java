package deltakv.runner.nightly;

import deltakv.runner.reproduce.Scenario;
import java.nio.file.Path;
import java.util.List;

/** {@code dkv reproduce ID --control}: one catalogue scenario with its bug flag, then the correct engine on the same seeds. */
public record ReproduceCell(Scenario scenario) implements Cell {
    /** The outcomes file {@code dkv reproduce --json} writes into the cell's directory. */
    public static final String OUTCOME = "reproduce.json";

    @Override
    public String id() {
        return "reproduce/" + scenario.bug();
    }

    /** Planned as detection in the first run plus one control run; a miss takes the whole budget (and as many controls). */
    @Override
    public double estimateSeconds() {
        return 2 * (scenario.runSeconds() + RUN_OVERHEAD);
    }

    @Override
    public List<String> args(long seed, Path store, Path cellDir) {
        return List.of("reproduce", scenario.bug(), "--control", "--seed", String.valueOf(seed), "--store", store.toString(),
                "--json", cellDir.resolve(OUTCOME).toString());
    }

    @Override
    public String planLine() {
        return "reproduce " + scenario.bug();
    }
}
