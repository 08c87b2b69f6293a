package deltakv.cli;

import deltakv.runner.gate.BenchFile;
import deltakv.runner.gate.Gate;
import deltakv.runner.gate.Point;
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
 * beyond the threshold), 1 (at least one, named), or 2 (too few samples to say, with the reason, or a point
 * of the baseline that the candidate's bench failed to measure).
 */
@Command(name = "gate", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Compare two bench results files point by point (each as a ratio to its own redis-server "
                + "reference); exit 1 if a point got significantly slower beyond --max-regression, 2 if too few samples "
                + "or a point the candidate could not measure.")
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
            err.println("dkv: " + (base.relative() ? cand : base).path() + " has no redis-server reference rows and "
                    + (base.relative() ? base : cand).path() + " has: ratios and raw ops/s do not compare "
                    + "(bench both with --reference redis-server)");
            return ExitCodes.BAD_ARGUMENTS;
        }
        List<PointResult> results = gate.compare(base, cand);
        String unit = base.relative() ? "ratio to reference" : "ops/s (no reference rows)";
        o.printf("%-40s %5s %5s %12s %12s %8s %9s  %s%n", "point  [" + unit + "]", "n(b)", "n(c)", "baseline", "candidate",
                "change", "p", "verdict");
        for (PointResult r : results) {
            if (r.verdict() == Verdict.NOT_MEASURED) {
                o.printf("%-40s %5d %5d %12.4f %12s %8s %9s  %s%n", r.point(), r.baselineSamples(), 0, r.baselineMedian(), "-", "-", "-",
                        "not measured: " + Gate.failure(cand, r.point()));
                continue;
            }
            o.printf("%-40s %5d %5d %12.4f %12.4f %+7.1f%% %9.4f  %s%n", r.point(), r.baselineSamples(), r.candidateSamples(),
                    r.baselineMedian(), r.candidateMedian(), 100 * r.change(), r.pValue(), label(r.verdict()));
        }
        List<Point> baseOnly = Gate.onlyIn(base, cand);
        List<Point> candOnly = Gate.onlyIn(cand, base);
        if (!baseOnly.isEmpty()) o.println("not compared, only in the baseline: " + names(baseOnly));
        if (!candOnly.isEmpty()) o.println("not compared, only in the candidate: " + names(candOnly));
        // a repeat that failed leaves fewer samples without leaving a point out: say so even when the gate passes
        cand.errors().forEach((what, why) -> o.println("the candidate's bench could not measure " + what + ": " + why));
        Verdict v = Gate.overall(results);
        switch (v) {
            case REGRESSED -> {
                o.println("gate: FAILED — significantly slower beyond " + maxRegression + ": "
                        + names(results.stream().filter(r -> r.verdict() == Verdict.REGRESSED).map(PointResult::point).toList()));
                return ExitCodes.INVALID;
            }
            case NOT_MEASURED -> {
                o.println("gate: unknown — the candidate could not measure "
                        + names(results.stream().filter(r -> r.verdict() == Verdict.NOT_MEASURED).map(PointResult::point).toList()));
                return ExitCodes.UNKNOWN;
            }
            case TOO_FEW_SAMPLES -> {
                o.println(results.isEmpty() ? "gate: unknown — the files have no point in common"
                        : "gate: unknown — too few samples: with " + minSamples(results) + " a Mann-Whitney U test cannot reach p < "
                        + alpha + " (run dkv bench contended --repeat " + Gate.repeatsNeeded(alpha) + " or more for both files)");
                return ExitCodes.UNKNOWN;
            }
            default -> {
                o.println("gate: passed (" + results.size() + " points, none significantly slower beyond " + maxRegression + ")");
                return ExitCodes.OK;
            }
        }
    }

    private static String names(List<Point> points) {
        return String.join("; ", points.stream().map(Point::toString).toList());
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
            case NOT_MEASURED -> "not measured";
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
