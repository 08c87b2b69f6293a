package deltakv.engine.storage;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class VersionedKeyCodecTest {
    private static final int ROUNDS = 20_000;

    /** Random keys drawn mostly from {0x00, 0x01, 0xFF, 'a'} so escapes and prefixes are common. */
    private static byte[] randomKey(Random r) {
        byte[] alphabet = {0, 1, (byte) 0xFF, 'a', 2, (byte) 0xFE};
        byte[] k = new byte[r.nextInt(6)];
        for (int i = 0; i < k.length; i++) k[i] = r.nextInt(8) == 0 ? (byte) r.nextInt(256) : alphabet[r.nextInt(alphabet.length)];
        return k;
    }

    private static long randomTs(Random r) {
        return switch (r.nextInt(4)) {
            case 0 -> 0;
            case 1 -> -1L; // u64 max (pending placeholder)
            case 2 -> r.nextInt(4);
            default -> r.nextLong();
        };
    }

    @Test
    void roundTrip() {
        Random r = new Random(1);
        for (int i = 0; i < ROUNDS; i++) {
            byte[] k = randomKey(r);
            long ts = randomTs(r);
            byte[] enc = VersionedKeyCodec.encode(k, ts);
            assertArrayEquals(k, VersionedKeyCodec.decodeKey(enc));
            assertEquals(ts, VersionedKeyCodec.decodeTs(enc));
            assertTrue(VersionedKeyCodec.hasPrefix(enc, VersionedKeyCodec.versionPrefix(k)));
        }
    }

    @Test
    void orderIsKeyAscendingThenTsDescending() {
        Random r = new Random(2);
        for (int i = 0; i < ROUNDS; i++) {
            byte[] a = randomKey(r);
            byte[] b = r.nextInt(4) == 0 ? a.clone() : randomKey(r);
            long ta = randomTs(r);
            long tb = randomTs(r);
            int keyOrder = Integer.signum(Arrays.compareUnsigned(a, b));
            int expected = keyOrder != 0 ? keyOrder : Integer.signum(Long.compareUnsigned(tb, ta));
            int actual = Integer.signum(Arrays.compareUnsigned(VersionedKeyCodec.encode(a, ta), VersionedKeyCodec.encode(b, tb)));
            assertEquals(expected, actual, () -> Arrays.toString(a) + "@" + ta + " vs " + Arrays.toString(b) + "@" + tb);
        }
    }

    @Test
    void versionsOfOneKeyNeverInterleaveWithAnothersAndBoundsBracketThem() {
        Random r = new Random(3);
        for (int i = 0; i < ROUNDS; i++) {
            byte[] a = randomKey(r);
            byte[] b = randomKey(r);
            if (Arrays.equals(a, b)) continue;
            byte[] lo = VersionedKeyCodec.versionPrefix(a);
            byte[] hi = VersionedKeyCodec.versionsEnd(a);
            byte[] other = VersionedKeyCodec.encode(b, randomTs(r));
            byte[] own = VersionedKeyCodec.encode(a, randomTs(r));
            assertTrue(Arrays.compareUnsigned(lo, own) < 0 && Arrays.compareUnsigned(own, hi) < 0);
            boolean inside = Arrays.compareUnsigned(lo, other) <= 0 && Arrays.compareUnsigned(other, hi) < 0;
            assertTrue(!inside, () -> Arrays.toString(b) + " inside versions of " + Arrays.toString(a));
            assertTrue(!VersionedKeyCodec.sameKey(own, other));
        }
    }

    @Test
    void malformedKeyIsRejected() {
        assertThrows(StorageException.class, () -> VersionedKeyCodec.decodeKey(new byte[] {1, 2, 3}));
        assertThrows(StorageException.class, () -> VersionedKeyCodec.decodeTs(new byte[12]));
    }
}
