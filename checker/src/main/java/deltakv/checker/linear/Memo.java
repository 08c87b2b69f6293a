package deltakv.checker.linear;

import java.util.Objects;

/**
 * Lowe's memoisation: the (linearized set, model state) pairs already explored. Open addressing on a 64-bit hash
 * so a hit allocates nothing; a miss stores a copy of the set's window.
 */
final class Memo {
    private long[] hashes;
    private int[] lows;
    private long[][] windows;
    private Object[] states;
    private int size;
    private long bytes;

    Memo() {
        allocate(1 << 10);
    }

    private void allocate(int capacity) {
        hashes = new long[capacity];
        lows = new int[capacity];
        windows = new long[capacity][];
        states = new Object[capacity];
    }

    /** Adds the pair; returns false if it was already present. */
    boolean add(LinearizedSet set, Object state) {
        long h = set.hash() ^ mix(Objects.hashCode(state));
        int mask = hashes.length - 1;
        int i = (int) (h ^ (h >>> 32)) & mask;
        while (windows[i] != null) {
            if (hashes[i] == h && set.sameWindow(lows[i], windows[i]) && Objects.equals(states[i], state)) {
                return false;
            }
            i = (i + 1) & mask;
        }
        long[] w = set.window();
        hashes[i] = h;
        lows[i] = set.low();
        windows[i] = w;
        states[i] = state;
        size++;
        bytes += 48L + 8L * w.length;
        if (size * 2 > hashes.length) grow();
        return true;
    }

    /** Rough retained size, for the memory guard. */
    long approximateBytes() {
        return bytes + 24L * hashes.length;
    }

    int size() {
        return size;
    }

    private void grow() {
        long[] oh = hashes;
        int[] ol = lows;
        long[][] ow = windows;
        Object[] os = states;
        allocate(oh.length * 2);
        int mask = hashes.length - 1;
        for (int j = 0; j < oh.length; j++) {
            if (ow[j] == null) continue;
            int i = (int) (oh[j] ^ (oh[j] >>> 32)) & mask;
            while (windows[i] != null) i = (i + 1) & mask;
            hashes[i] = oh[j];
            lows[i] = ol[j];
            windows[i] = ow[j];
            states[i] = os[j];
        }
    }

    private static long mix(int h) {
        long z = h * 0x9E3779B97F4A7C15L;
        return z ^ (z >>> 29);
    }
}
