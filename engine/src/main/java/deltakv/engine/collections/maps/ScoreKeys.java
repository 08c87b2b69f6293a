package deltakv.engine.collections.maps;

import deltakv.engine.collections.KeyCodec;
import deltakv.engine.txn.Bytes;
import deltakv.engine.txn.KeyRange;
import java.util.Arrays;

/**
 * The sorted-set score index: {@code !zs|scr| len key sortable(score) member → empty}. Key order is Redis's
 * order: by score, then by member bytes (a member is the key's tail, so a shorter member that is a prefix
 * of a longer one sorts first, as memcmp-then-length does).
 */
final class ScoreKeys {
    static final byte[] PREFIX = KeyCodec.ascii("!zs|scr|");

    private ScoreKeys() {}

    static byte[] entry(byte[] userKey, double score, byte[] member) {
        return Bytes.concat(KeyCodec.framed(PREFIX, userKey), KeyCodec.u64(sortable(score)), member);
    }

    static KeyRange all(byte[] userKey) {
        return KeyRange.prefix(KeyCodec.framed(PREFIX, userKey));
    }

    /** Entries with {@code min <= score <= max}, either bound exclusive if asked. */
    static KeyRange between(byte[] userKey, double min, boolean minExclusive, double max, boolean maxExclusive) {
        byte[] p = KeyCodec.framed(PREFIX, userKey);
        byte[] lo = Bytes.concat(p, KeyCodec.u64(sortable(min)));
        byte[] hi = Bytes.concat(p, KeyCodec.u64(sortable(max)));
        KeyRange whole = all(userKey);
        return new KeyRange(minExclusive ? end(lo, whole) : lo, maxExclusive ? hi : end(hi, whole));
    }

    private static byte[] end(byte[] scorePrefix, KeyRange whole) {
        byte[] e = Bytes.prefixEnd(scorePrefix);
        return e == null || Bytes.compare(e, whole.end()) > 0 ? whole.end() : e;
    }

    static double scoreOf(byte[] userKey, byte[] entryKey) {
        return unsortable(KeyCodec.getLong(entryKey, PREFIX.length + 4 + userKey.length));
    }

    static byte[] memberOf(byte[] userKey, byte[] entryKey) {
        return Arrays.copyOfRange(entryKey, PREFIX.length + 4 + userKey.length + 8, entryKey.length);
    }

    /** Order-preserving map of doubles to unsigned longs (-0.0 is stored as 0.0; NaN never is). */
    static long sortable(double d) {
        long bits = Double.doubleToLongBits(d == 0.0 ? 0.0 : d);
        return bits < 0 ? ~bits : bits ^ Long.MIN_VALUE;
    }

    static double unsortable(long v) {
        return Double.longBitsToDouble(v < 0 ? v ^ Long.MIN_VALUE : ~v);
    }
}
