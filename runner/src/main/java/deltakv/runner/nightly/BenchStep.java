package deltakv.runner.nightly;

import java.nio.file.Path;
import java.util.List;

/**
 * The nightly's bench points (docs/nightly.md) and the gate against {@code --baseline}: RPUSH and RPUSH+LPOP by 64
 * clients on one hot list and on 64 lists, every variant, five repeats (the fewest with which a Mann-Whitney U
 * test can reach the gate's default alpha 0.01). A baseline is a {@code bench.json} of an earlier nightly, or
 * {@link #benchArgs} run by hand.
 */
public final class BenchStep {
    static final List<String> OPS = List.of("rpush", "rpush-lpop");
    static final List<Integer> KEYS = List.of(1, 64);
    static final int CLIENTS = 64;
    static final List<String> VARIANTS = Matrix.VARIANTS;
    static final int REPEAT = 5;
    static final double DURATION = 5;
    static final double WARMUP = 5;

    private BenchStep() {}

    public static List<String> benchArgs(Path out, Path clusters) {
        return List.of("bench", "contended", "--op", String.join(",", OPS), "--keys", join(KEYS), "--clients", String.valueOf(CLIENTS),
                "--variants", String.join(",", VARIANTS), "--repeat", String.valueOf(REPEAT), "--duration", fmt(DURATION),
                "--warmup", fmt(WARMUP), "--out", out.toString(), "--dir", clusters.toString());
    }

    public static List<String> gateArgs(Path baseline, Path candidate) {
        return List.of("gate", "--baseline", baseline.toString(), "--candidate", candidate.toString());
    }

    /**
     * Per repeat: the redis-server reference points (warm-up capped at 5 s), then each variant's fresh cluster
     * (about 10 s to start, a warm-up, then warm-up and measurement per point).
     */
    public static double estimateSeconds() {
        int points = OPS.size() * KEYS.size();
        double reference = points * (Math.min(WARMUP, 5) + DURATION);
        double variants = VARIANTS.size() * (10 + WARMUP + points * (WARMUP + DURATION));
        return REPEAT * (reference + variants) + 30;
    }

    private static String join(List<Integer> xs) {
        return String.join(",", xs.stream().map(String::valueOf).toList());
    }

    private static String fmt(double v) {
        return v == Math.rint(v) ? String.valueOf((long) v) : String.valueOf(v);
    }
}
