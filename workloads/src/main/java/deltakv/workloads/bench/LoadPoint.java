package deltakv.workloads.bench;

/**
 * One bench point.
 *
 * @param prefix         key prefix: each point gets fresh lists
 * @param warmupSeconds  load before measuring (not counted)
 * @param prefillPerKey  elements pushed to every list before the load (for {@link BenchOp#LPOP})
 */
public record LoadPoint(BenchOp op, int clients, int keys, double warmupSeconds, double seconds, String prefix,
                        int prefillPerKey) {
    public LoadPoint {
        if (clients < 1 || keys < 1 || seconds <= 0 || warmupSeconds < 0 || prefillPerKey < 0) {
            throw new IllegalArgumentException("clients, keys and seconds must be positive");
        }
    }
}
