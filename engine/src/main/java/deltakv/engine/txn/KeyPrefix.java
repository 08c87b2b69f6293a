package deltakv.engine.txn;

import java.nio.charset.StandardCharsets;

/**
 * The namespace part of an internal key, for per-namespace counters: '!' then up to two
 * lowercase segments each ended by '|' ("!lst|meta|", "!lst|itm|", "!str|"). Stops at the first
 * byte that is not a lowercase letter or digit, so binary user-key bytes never leak into a label.
 */
public final class KeyPrefix {
    public static final String OTHER = "(other)";

    private KeyPrefix() {}

    public static String of(byte[] key) {
        if (key == null || key.length == 0 || key[0] != '!') return OTHER;
        int end = 0;
        int segments = 0;
        int i = 1;
        while (segments < 2) {
            int j = i;
            while (j < key.length && isWordByte(key[j])) j++;
            if (j == i || j >= key.length || key[j] != '|') break;
            end = j + 1;
            segments++;
            i = j + 1;
        }
        return end == 0 ? OTHER : new String(key, 0, end, StandardCharsets.US_ASCII);
    }

    private static boolean isWordByte(byte b) {
        return (b >= 'a' && b <= 'z') || (b >= '0' && b <= '9');
    }
}
