package deltakv.checker.elle;

/**
 * A directed graph over transaction ids in compressed-row form; each edge carries a {@link Rel} bit mask.
 * Immutable once built.
 */
public final class Graph {
    private final int vertices;
    private final int[] start;
    private final int[] dst;
    private final byte[] mask;

    Graph(int vertices, int[] start, int[] dst, byte[] mask) {
        this.vertices = vertices;
        this.start = start;
        this.dst = dst;
        this.mask = mask;
    }

    public int vertices() {
        return vertices;
    }

    public int begin(int v) {
        return start[v];
    }

    public int end(int v) {
        return start[v + 1];
    }

    public int target(int edge) {
        return dst[edge];
    }

    public int rels(int edge) {
        return mask[edge];
    }

    /** The rel mask of edge a→b, 0 if none. */
    public int rels(int a, int b) {
        int lo = start[a];
        int hi = start[a + 1] - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            if (dst[mid] < b) {
                lo = mid + 1;
            } else if (dst[mid] > b) {
                hi = mid - 1;
            } else {
                return mask[mid];
            }
        }
        return 0;
    }

    /** True when some vertex has an edge at all (Elle: an empty graph gives :unknown). */
    public boolean hasEdges() {
        return dst.length > 0;
    }
}
