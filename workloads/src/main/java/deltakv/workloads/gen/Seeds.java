package deltakv.workloads.gen;

import java.util.Random;

/** Per-worker random streams derived from the run's seed (SplitMix64 mixing, so nearby seeds differ). */
public final class Seeds {
    private Seeds() {}

    public static Random forWorker(long seed, int worker) {
        return new Random(mix(seed ^ mix(worker + 0x9E3779B97F4A7C15L)));
    }

    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
