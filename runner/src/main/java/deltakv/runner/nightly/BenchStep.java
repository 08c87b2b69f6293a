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
    /** No JIT settling: it would add up to 2 minutes per cluster (15 a night); the baseline is made the same way. */
    static final double SETTLE = 0;

    private BenchStep() {}

    public static List<String> benchArgs(Path out, Path clusters) {
        return List.of("bench", "contended", "--op", String.join(",", OPS), "--keys", join(KEYS), "--clients", String.valueOf(CLIENTS),
                "--variants", String.join(",", VARIANTS), "--repeat", String.valueOf(REPEAT), "--duration", TestCell.fmt(DURATION),
                "--warmup", TestCell.fmt(WARMUP), "--settle", TestCell.fmt(SETTLE), "--out", out.toString(), "--dir", clusters.toString());
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

    /**
     * Why a baseline's points were measured unlike the nightly's (another --duration, --warmup or --settle: a shorter warm-up
     * alone costs a Raft cluster tens of percent), or null. Measured: a baseline of 10 s after 20 s of warm-up
     * against these points failed the gate on every matching point by 42-61 % (docs/nightly.md).
     */
    static String unlike(java.util.Map<String, Object> baseline) {
        String cmd = String.valueOf(baseline.get("command"));
        List<String> diffs = new java.util.ArrayList<>();
        for (var opt : java.util.Map.of("--duration", DURATION, "--warmup", WARMUP, "--settle", SETTLE).entrySet()) {
            var m = java.util.regex.Pattern.compile(opt.getKey() + " (\\S+)").matcher(cmd);
            if (m.find()) {
                try {
                    if (Double.parseDouble(m.group(1)) != opt.getValue()) diffs.add(opt.getKey() + " " + m.group(1));
                } catch (NumberFormatException e) {
                    diffs.add(opt.getKey() + " " + m.group(1));
                }
            }
        }
        if (diffs.isEmpty()) return null;
        return "the baseline was measured with " + String.join(" ", diffs) + ", the nightly's points with --duration " + TestCell.fmt(DURATION)
                + " --warmup " + TestCell.fmt(WARMUP) + " --settle " + TestCell.fmt(SETTLE) + ": the gate compares unlike measurements (make the baseline with docs/nightly.md's command)";
    }

    private static String join(List<Integer> xs) {
        return String.join(",", xs.stream().map(String::valueOf).toList());
    }
}
