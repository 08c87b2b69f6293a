package deltakv.cli;

import deltakv.runner.gate.BenchFile;
import deltakv.runner.gate.Gate;
import deltakv.runner.gate.PointResult;
import deltakv.runner.gate.Verdict;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code dkv gate} (CLI.md): a table of the points both files have, then exit 0 (no significant slowdown
 * beyond the threshold), 1 (at least one, named), or 2 (too few samples to say, with the reason).
 */
@Command(name = "gate", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Compare two bench results files point by point (each as a ratio to its own redis-server "
                + "reference); exit 1 if a point got significantly slower beyond --max-regression, 2 if too few samples.")
public final class GateCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--baseline", required = true, description = "Results JSON of the reference build (dkv bench contended --out).")
    Path baseline;

    @Option(names = "--candidate", required = true, description = "Results JSON of the build under test.")
    Path candidate;

    @Option(names = "--max-regression", defaultValue = "5%",
            description = "Slowdown of a point's median ratio tolerated, e.g. 5%% or 0.05 (default: ${DEFAULT-VALUE}).")
    String maxRegression;

    @Option(names = "--alpha", defaultValue = "0.01",
            description = "Significance level of the one-sided Mann-Whitney U test over the --repeat samples (default: ${DEFAULT-VALUE}).")
    double alpha;

    @Override
    public Integer call() {
        PrintWriter o = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Gate gate;
        BenchFile base;
        BenchFile cand;
        try {
            gate = new Gate(fraction(maxRegression), alpha);
            base = BenchFile.read(baseline);
            cand = BenchFile.read(candidate);
        } catch (IllegalArgumentException e) {
            err.println("dkv: " + e.getMessage());
            return ExitCodes.BAD_ARGUMENTS;
        }
        if (base.relative() != cand.relative()) {
            err.println("dkv: one file has redis-server reference rows and the other has none: their points do not compare");
            return ExitCodes.BAD_ARGUMENTS;
        }
        List<PointResult> results = gate.compare(base, cand);
        String unit = base.relative() ? "ratio to reference" : "ops/s (no reference rows)";
        o.printf("%-40s %5s %5s %12s %12s %8s %9s  %s%n", "point  [" + unit + "]", "n(b)", "n(c)", "baseline", "candidate",
                "change", "p", "verdict");
        for (PointResult r : results) {
            o.printf("%-40s %5d %5d %12.4f %12.4f %+7.1f%% %9.4f  %s%n", r.point(), r.baselineSamples(), r.candidateSamples(),
                    r.baselineMedian(), r.candidateMedian(), 100 * r.change(), r.pValue(), label(r.verdict()));
        }
        Verdict v = Gate.overall(results);
        switch (v) {
            case REGRESSED -> {
                o.println("gate: FAILED — significantly slower beyond " + maxRegression + ": "
                        + String.join("; ", results.stream().filter(r -> r.verdict() == Verdict.REGRESSED)
                        .map(r -> r.point().toString()).toList()));
                return ExitCodes.INVALID;
            }
            case TOO_FEW_SAMPLES -> {
                o.println(results.isEmpty() ? "gate: unknown — the files have no point in common"
                        : "gate: unknown — too few samples: with " + minSamples(results) + " a Mann-Whitney U test cannot reach p < "
                        + alpha + " (run dkv bench contended --repeat 5 or more for both files)");
                return ExitCodes.UNKNOWN;
            }
            default -> {
                o.println("gate: passed (" + results.size() + " points, none significantly slower beyond " + maxRegression + ")");
                return ExitCodes.OK;
            }
        }
    }

    private static String minSamples(List<PointResult> results) {
        PointResult r = results.stream().filter(x -> x.verdict() == Verdict.TOO_FEW_SAMPLES).findFirst().orElseThrow();
        return r.baselineSamples() + " baseline and " + r.candidateSamples() + " candidate samples";
    }

    private static String label(Verdict v) {
        return switch (v) {
            case PASS -> "ok";
            case TOO_FEW_SAMPLES -> "too few samples";
            case REGRESSED -> "REGRESSED";
        };
    }

    /** "5%" or "0.05". */
    static double fraction(String s) {
        try {
            String t = s.trim();
            return t.endsWith("%") ? Double.parseDouble(t.substring(0, t.length() - 1)) / 100 : Double.parseDouble(t);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--max-regression must look like 5% or 0.05, not '" + s + "'");
        }
    }
}
