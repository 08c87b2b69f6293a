package deltakv.workloads.gen;

import java.util.Locale;
import java.util.Random;

/**
 * {@code --key-dist}: how a worker picks one of {@code n} key slots. {@code exponential} makes slot 0 the
 * most likely and slot n-1 ten times less likely; {@code hot} sends 90% of draws to slot 0 (one hot key,
 * the situation the delta design is for).
 */
public enum KeyDist {
    UNIFORM, EXPONENTIAL, HOT;

    public int draw(Random r, int n) {
        if (n == 1) return 0;
        return switch (this) {
            case UNIFORM -> r.nextInt(n);
            case EXPONENTIAL -> {
                // Inverse CDF of a truncated exponential with rate ln(10)/n over [0, n).
                double rate = Math.log(10) / n;
                double u = r.nextDouble();
                double x = -Math.log(1 - u * (1 - Math.exp(-rate * n))) / rate;
                yield Math.min(n - 1, (int) x);
            }
            case HOT -> r.nextDouble() < 0.9 ? 0 : 1 + r.nextInt(n - 1);
        };
    }

    public String cliName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static KeyDist parse(String s) {
        for (KeyDist d : values()) if (d.cliName().equals(s)) return d;
        throw new IllegalArgumentException("unknown --key-dist '" + s + "' (expected uniform, exponential or hot)");
    }
}
