package deltakv.engine.collections;

import java.util.OptionalLong;

/**
 * Integer arguments parsed exactly as Redis's string2ll does: optional '-', digits, no '+', no spaces,
 * no leading zeros, within 64 bits.
 */
public final class RedisInts {
    private RedisInts() {}

    public static OptionalLong parse(byte[] arg) {
        int n = arg.length;
        if (n == 0 || n > 20) return OptionalLong.empty();
        if (n == 1 && arg[0] == '0') return OptionalLong.of(0);
        boolean negative = arg[0] == '-';
        int i = negative ? 1 : 0;
        if (i >= n || arg[i] < '1' || arg[i] > '9') return OptionalLong.empty();
        long v = 0; // accumulate negatively so Long.MIN_VALUE fits
        for (; i < n; i++) {
            int d = arg[i] - '0';
            if (d < 0 || d > 9) return OptionalLong.empty();
            if (v < (Long.MIN_VALUE + d) / 10) return OptionalLong.empty();
            v = v * 10 - d;
        }
        if (!negative) {
            if (v == Long.MIN_VALUE) return OptionalLong.empty();
            v = -v;
        }
        return OptionalLong.of(v);
    }
}
