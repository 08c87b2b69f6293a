package deltakv.workloads.bench;

/**
 * What one point measured.
 *
 * @param ops       successful calls while measuring (a pop that found the list empty is not one)
 * @param errors    error replies and failed calls while measuring (e.g. -TRYAGAIN)
 * @param empty     pops that found their list empty while measuring (the prefill ran out)
 * @param end       the end check over the whole point, warm-up included
 */
public record LoadResult(LoadPoint point, long ops, long errors, long empty, double seconds, double opsPerSecond,
                         double p50Ms, double p99Ms, EndCheck end) {}
