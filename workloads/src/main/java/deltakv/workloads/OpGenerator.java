package deltakv.workloads;

/**
 * One worker's stream of invocations for the main phase. Seeded per worker, and depending only on the
 * worker's own draws, so the same seed gives the same sequence per worker whatever the interleaving.
 */
@FunctionalInterface
public interface OpGenerator {
    Invocation next();
}
