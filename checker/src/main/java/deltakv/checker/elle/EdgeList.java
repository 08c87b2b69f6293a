package deltakv.checker.elle;

import java.util.Arrays;

/** A growable list of labelled edges; {@link #build(int)} turns it into a compact {@link Graph}. */
public final class EdgeList {
    private long[] edges = new long[1024]; // src << 36 | dst << 5 | rel
    private int size;

    public void add(int src, int dst, int rel) {
        if (src == dst) {
            return; // dependency graphs never hold self-edges
        }
        if (size == edges.length) {
            edges = Arrays.copyOf(edges, size * 2);
        }
        edges[size++] = ((long) src << 36) | ((long) dst << 5) | rel;
    }

    public int size() {
        return size;
    }

    public Graph build(int vertices) {
        long[] e = Arrays.copyOf(edges, size);
        Arrays.sort(e);
        int[] start = new int[vertices + 1];
        int[] dst = new int[e.length];
        byte[] mask = new byte[e.length];
        int n = 0;
        long prevKey = -1;
        for (long x : e) {
            long key = x >>> 5;
            if (key == prevKey) {
                mask[n - 1] |= (byte) (x & 31);
                continue;
            }
            prevKey = key;
            int src = (int) (x >>> 36);
            dst[n] = (int) ((x >>> 5) & 0x7FFFFFFFL);
            mask[n] = (byte) (x & 31);
            start[src + 1]++;
            n++;
        }
        for (int i = 0; i < vertices; i++) {
            start[i + 1] += start[i];
        }
        return new Graph(vertices, start, Arrays.copyOf(dst, n), Arrays.copyOf(mask, n));
    }
}
