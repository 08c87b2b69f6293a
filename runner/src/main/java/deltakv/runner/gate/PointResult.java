package deltakv.runner.gate;

/**
 * One compared point.
 *
 * @param change   median(candidate) / median(baseline) - 1 (negative: slower)
 * @param pValue   one-sided Mann-Whitney U (candidate lower), exact
 * @param minP     the smallest p-value these sample sizes allow: above alpha, nothing can be significant
 */
public record PointResult(Point point, int baselineSamples, int candidateSamples, double baselineMedian,
                          double candidateMedian, double change, double pValue, double minP, Verdict verdict) {}
