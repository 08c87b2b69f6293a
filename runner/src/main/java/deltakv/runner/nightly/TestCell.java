package deltakv.runner.nightly;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A {@code dkv test} of one workload under one nemesis on one variant, for {@code timeLimit} seconds, on a local
 * 3-node cluster. {@code extra} are further {@code dkv test} options (a plan file may add a bug flag, say).
 */
public record TestCell(String workload, String nemesis, String variant, double timeLimit, List<String> extra) implements Cell {
    public TestCell {
        extra = List.copyOf(extra);
    }

    @Override
    public String id() {
        // a shorter or longer run, or extra options, is another cell than the matrix's
        return "test/" + workload + "/" + nemesis + "/" + variant + (timeLimit == Matrix.TEST_SECONDS ? "" : "/" + fmt(timeLimit) + "s")
                + (extra.isEmpty() ? "" : "/" + String.join(" ", extra));
    }

    @Override
    public double estimateSeconds() {
        return timeLimit + RUN_OVERHEAD;
    }

    /** The run's test name in the store: {@code nightly-WORKLOAD-NEMESIS-VARIANT}. */
    public String testName() {
        return "nightly-" + workload + "-" + nemesis.replace(',', '+') + "-" + variant;
    }

    @Override
    public List<String> args(long seed, Path store, Path cellDir) {
        List<String> a = new ArrayList<>(List.of("test", "--workload", workload, "--nemesis", nemesis, "--variant", variant,
                "--time-limit", fmt(timeLimit), "--seed", String.valueOf(seed), "--store", store.toString(), "--name", testName()));
        // delta answers a deque push with its snapshot's length (docs/engine-lists.md): not a bug, so not checked
        if (workload.equals("deque") && variant.equals("delta")) a.addAll(List.of("--push-lengths", "skip"));
        a.addAll(extra);
        return a;
    }

    @Override
    public String planLine() {
        return ("test " + workload + " " + nemesis + " " + variant + " " + fmt(timeLimit) + " " + String.join(" ", extra)).strip();
    }

    static String fmt(double v) {
        return v == Math.rint(v) ? String.valueOf((long) v) : String.valueOf(v);
    }
}
