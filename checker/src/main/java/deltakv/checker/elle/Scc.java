package deltakv.checker.elle;

/**
 * Strongly connected components by an iterative Tarjan (no recursion: SCCs of a million transactions
 * would overflow the stack), over the edges whose rels intersect a mask.
 */
public final class Scc {
    private Scc() {}

    /**
     * @return component id per vertex; vertices in trivial components (one vertex; we have no self-edges)
     * get -1. Components are numbered 0..k-1.
     */
    public static int[] components(Graph g, int relMask) {
        return components(g, relMask, null);
    }

    /**
     * As {@link #components(Graph, int)}, but only inside the groups of {@code within} (vertices with -1
     * are skipped, edges between different groups ignored): sub-SCCs of known SCCs, without walking the
     * rest of a large graph.
     */
    public static int[] components(Graph g, int relMask, int[] within) {
        int n = g.vertices();
        int[] index = new int[n];
        int[] low = new int[n];
        int[] comp = new int[n];
        java.util.Arrays.fill(index, -1);
        java.util.Arrays.fill(comp, -1);
        boolean[] onStack = new boolean[n];
        int[] stack = new int[n];
        int sp = 0;
        int[] callV = new int[n];
        int[] callE = new int[n];
        int counter = 0;
        int comps = 0;
        for (int root = 0; root < n; root++) {
            if (index[root] >= 0 || (within != null && within[root] < 0)) {
                continue;
            }
            int depth = 0;
            callV[0] = root;
            callE[0] = g.begin(root);
            index[root] = low[root] = counter++;
            stack[sp++] = root;
            onStack[root] = true;
            while (depth >= 0) {
                int v = callV[depth];
                int e = callE[depth];
                if (e < g.end(v)) {
                    callE[depth]++;
                    if ((g.rels(e) & relMask) == 0) {
                        continue;
                    }
                    int w = g.target(e);
                    if (within != null && within[w] != within[v]) {
                        continue;
                    }
                    if (index[w] < 0) {
                        index[w] = low[w] = counter++;
                        stack[sp++] = w;
                        onStack[w] = true;
                        depth++;
                        callV[depth] = w;
                        callE[depth] = g.begin(w);
                    } else if (onStack[w] && index[w] < low[v]) {
                        low[v] = index[w];
                    }
                    continue;
                }
                if (low[v] == index[v]) {
                    int size = 0;
                    int top = sp;
                    while (true) {
                        int w = stack[--sp];
                        onStack[w] = false;
                        size++;
                        if (w == v) {
                            break;
                        }
                    }
                    if (size > 1) {
                        for (int i = sp; i < top; i++) {
                            comp[stack[i]] = comps;
                        }
                        comps++;
                    }
                }
                depth--;
                if (depth >= 0) {
                    int parent = callV[depth];
                    if (low[v] < low[parent]) {
                        low[parent] = low[v];
                    }
                }
            }
        }
        return comp;
    }
}
