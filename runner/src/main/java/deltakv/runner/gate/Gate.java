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
    private final double maxRegression;
    private final double alpha;

    /** @param maxRegression e.g. 0.05 for 5%; @param alpha e.g. 0.01 */
    public Gate(double maxRegression, double alpha) {
        if (!(maxRegression >= 0 && maxRegression < 1)) throw new IllegalArgumentException("--max-regression must be in [0%, 100%)");
        if (!(alpha > 0 && alpha < 1)) throw new IllegalArgumentException("--alpha must be in (0, 1)");
        this.maxRegression = maxRegression;
        this.alpha = alpha;
    }

    /** The points of {@code candidate} that {@code baseline} has too, in order. */
    public List<PointResult> compare(BenchFile baseline, BenchFile candidate) {
        List<PointResult> out = new ArrayList<>();
        for (Map.Entry<Point, List<Double>> e : candidate.samples().entrySet()) {
            List<Double> base = baseline.samples().get(e.getKey());
            if (base != null) out.add(point(e.getKey(), base, e.getValue()));
        }
        return out;
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
        if (minP > alpha) v = Verdict.TOO_FEW_SAMPLES;
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
