package deltakv.checker.linear;

import java.util.Arrays;

/**
 * The set of linearized op ids, as a bitset with an incremental Zobrist hash. It also tracks the first word that
 * is not full and the last non-zero word, so a memo key only stores the window where the search is working
 * (the prefix of a long history is all ones) — this keeps memory linear in the concurrency, not the length.
 */
final class LinearizedSet {
    private final long[] words;
    private final long[] zobrist;
    private long hash;
    private int low;  // first word that is not all ones
    private int high; // one past the last non-zero word

    LinearizedSet(int size, long seed) {
        words = new long[((size + 63) >>> 6) + 1];
        zobrist = new long[size];
        long x = seed ^ 0x9E3779B97F4A7C15L;
        for (int i = 0; i < size; i++) {
            x += 0x9E3779B97F4A7C15L;
            long z = x;
            z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
            z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
            zobrist[i] = z ^ (z >>> 31);
        }
    }

    void set(int id) {
        int w = id >>> 6;
        words[w] |= 1L << id;
        hash ^= zobrist[id];
        if (w >= high) high = w + 1;
        while (low < high && words[low] == -1L) low++;
    }

    void clear(int id) {
        int w = id >>> 6;
        words[w] &= ~(1L << id);
        hash ^= zobrist[id];
        if (w < low) low = w;
        while (high > low && words[high - 1] == 0L) high--;
    }

    long hash() {
        return hash;
    }

    /** The current set's window: words[low..high). */
    long[] window() {
        return Arrays.copyOfRange(words, low, high);
    }

    int low() {
        return low;
    }

    boolean sameWindow(int otherLow, long[] otherWords) {
        return otherLow == low && otherWords.length == high - low
                && Arrays.equals(words, low, high, otherWords, 0, otherWords.length);
    }
}
