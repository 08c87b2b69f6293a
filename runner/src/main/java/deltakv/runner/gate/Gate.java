package deltakv.runner.gate;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.commons.statistics.inference.AlternativeHypothesis;
import org.apache.commons.statistics.inference.MannWhitneyUTest;
import org.apache.commons.statistics.inference.PValueMethod;

/**
 * Compares the matching points of two bench files. A point regressed when its median got slower by more
 * than {@code maxRegression} and a one-sided Mann-Whitney U test says the candidate's samples are lower
 * with p below {@code alpha}. Both are needed: significance alone flags a real 1% change, the threshold
 * alone flags noise (this machine's throughput drifts by 3× from day to day; the ratios to the reference
 * take most of that out, not all).
 */
public final class Gate {
    /** The variant name of a bench's redis-server rows. */
    static final String REFERENCE = "redis-server";

    private final double maxRegression;
    private final double alpha;

    /** @param maxRegression e.g. 0.05 for 5%; @param alpha e.g. 0.01 */
    public Gate(double maxRegression, double alpha) {
        if (!(maxRegression >= 0 && maxRegression < 1)) throw new IllegalArgumentException("--max-regression must be in [0%, 100%)");
        if (!(alpha > 0 && alpha < 1)) throw new IllegalArgumentException("--alpha must be in (0, 1)");
        this.maxRegression = maxRegression;
        this.alpha = alpha;
    }

    /**
     * The points of {@code baseline} that {@code candidate} measured, in order, and those it tried and failed to
     * measure ({@link Verdict#NOT_MEASURED}: its variant or its reference has an error row). A baseline point the
     * candidate never asked for (another --variants or --clients) is not compared: {@link #onlyIn}.
     */
    public List<PointResult> compare(BenchFile baseline, BenchFile candidate) {
        List<PointResult> out = new ArrayList<>();
        for (Map.Entry<Point, List<Double>> e : baseline.samples().entrySet()) {
            List<Double> cand = candidate.samples().get(e.getKey());
            if (cand != null) out.add(point(e.getKey(), e.getValue(), cand));
            else if (failure(candidate, e.getKey()) != null) out.add(notMeasured(e.getKey(), e.getValue()));
        }
        return out;
    }

    /** Why {@code file} has no samples for {@code p} although it tried, or null. */
    public static String failure(BenchFile file, Point p) {
        String why = file.errors().get(p.variant());
        if (why != null) return p.variant() + ": " + why;
        why = file.errors().get(REFERENCE);
        return why == null ? null : REFERENCE + " (the reference): " + why;
    }

    /** The points of {@code a} that {@code b} has no samples of and did not fail to measure. */
    public static List<Point> onlyIn(BenchFile a, BenchFile b) {
        return a.samples().keySet().stream().filter(p -> !b.samples().containsKey(p) && failure(b, p) == null).toList();
    }

    /** The fewest repeats per file (equal counts) with which a one-sided exact test can reach p < alpha. */
    public static int repeatsNeeded(double alpha) {
        int n = 1;
        while (1 / binomial(2 * n, n) >= alpha) n++;
        return n;
    }

    private static PointResult notMeasured(Point p, List<Double> baseline) {
        double mb = median(baseline.stream().mapToDouble(Double::doubleValue).toArray());
        return new PointResult(p, baseline.size(), 0, mb, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Verdict.NOT_MEASURED);
    }

    PointResult point(Point p, List<Double> baseline, List<Double> candidate) {
        double[] b = baseline.stream().mapToDouble(Double::doubleValue).toArray();
        double[] c = candidate.stream().mapToDouble(Double::doubleValue).toArray();
        double mb = median(b);
        double mc = median(c);
        double change = mc / mb - 1;
        double minP = 1 / binomial(b.length + c.length, b.length);
        double pValue = MannWhitneyUTest.withDefaults().with(AlternativeHypothesis.LESS_THAN)
                .with(PValueMethod.EXACT).test(c, b).getPValue();
        Verdict v;
        // p must be below alpha, so a smallest possible p of exactly alpha can never flag anything
        if (minP >= alpha) v = Verdict.TOO_FEW_SAMPLES;
        else if (change < -maxRegression && pValue < alpha) v = Verdict.REGRESSED;
        else v = Verdict.PASS;
        return new PointResult(p, b.length, c.length, mb, mc, change, pValue, minP, v);
    }

    /** The worst verdict of {@code results}; {@link Verdict#TOO_FEW_SAMPLES} if there is none. */
    public static Verdict overall(List<PointResult> results) {
        Verdict worst = results.isEmpty() ? Verdict.TOO_FEW_SAMPLES : Verdict.PASS;
        for (PointResult r : results) if (r.verdict().compareTo(worst) > 0) worst = r.verdict();
        return worst;
    }

    static double median(double[] xs) {
        double[] s = xs.clone();
        java.util.Arrays.sort(s);
        int n = s.length;
        return n % 2 == 1 ? s[n / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
    }

    private static double binomial(int n, int k) {
        double r = 1;
        for (int i = 1; i <= k; i++) r = r * (n - k + i) / i;
        return r;
    }
}
