package deltakv.checker.elle;

/**
 * Breadth-first search, inside one SCC, for the shortest closed walk through a seed edge a→b that meets a
 * {@link CycleSpec}: a search over (vertex, constraint state) pairs, so "exactly one rw", "no adjacent rw",
 * "at least one realtime edge" … are tracked exactly rather than filtered afterwards.
 */
final class WalkSearch {
    // State bits: rw count (0..2) in bits 0-1, last edge rw, some adjacent rw pair seen, variant edge seen.
    private static final int LAST_RW = 4;
    private static final int ADJ = 8;
    private static final int VAR = 16;
    private static final int STATES = 32;

    private final Graph g;
    private final int[] comp;
    private final int sccId;
    private final int[] local;   // global vertex -> local index in this SCC
    private final int[] global;  // local index -> global vertex
    private final int[] stamp;
    private final int[] parent;
    private final byte[] parentRel;
    private final int[] queue;
    private int generation;

    WalkSearch(Graph g, int[] comp, int sccId, int[] members, int[] localScratch) {
        this.g = g;
        this.comp = comp;
        this.sccId = sccId;
        this.global = members;
        this.local = localScratch;
        for (int i = 0; i < members.length; i++) {
            local[members[i]] = i;
        }
        int size = members.length * STATES;
        this.stamp = new int[size];
        this.parent = new int[size];
        this.parentRel = new byte[size];
        this.queue = new int[size];
    }

    /** The cycle a→b→…→a, or null if the spec cannot be met through this seed edge. */
    Cycle search(CycleSpec spec, int a, int b) {
        generation++;
        int s0 = step(spec, 0, spec.seedRel());
        if (s0 < 0) {
            return null;
        }
        int head = 0;
        int tail = 0;
        int startCode = local[b] * STATES + s0;
        stamp[startCode] = generation;
        parent[startCode] = -1;
        queue[tail++] = startCode;
        while (head < tail) {
            int code = queue[head++];
            int u = global[code / STATES];
            int st = code % STATES;
            for (int e = g.begin(u); e < g.end(u); e++) {
                int w = g.target(e);
                if (comp[w] != sccId) {
                    continue;
                }
                int rels = g.rels(e) & spec.pathRels();
                while (rels != 0) {
                    int r = Integer.lowestOneBit(rels);
                    rels &= ~r;
                    int ns = step(spec, st, r);
                    if (ns < 0) {
                        continue;
                    }
                    if (w == a) {
                        if (accept(spec, ns)) {
                            return rebuild(spec, a, code, r);
                        }
                        continue;
                    }
                    int nc = local[w] * STATES + ns;
                    if (stamp[nc] != generation) {
                        stamp[nc] = generation;
                        parent[nc] = code;
                        parentRel[nc] = (byte) r;
                        queue[tail++] = nc;
                    }
                }
            }
        }
        return null;
    }

    private static int step(CycleSpec spec, int st, int r) {
        int count = st & 3;
        boolean lastRw = (st & LAST_RW) != 0;
        int ns = st & (ADJ | VAR);
        if (r == Rel.RW) {
            if (lastRw && spec.shape() == CycleSpec.Shape.NONADJACENT_RW) {
                return -1;
            }
            if (count >= 1 && spec.shape() == CycleSpec.Shape.SINGLE_RW) {
                return -1;
            }
            if (lastRw) {
                ns |= ADJ;
            }
            ns |= LAST_RW | Math.min(2, count + 1);
            return ns;
        }
        if (r == spec.variant()) {
            ns |= VAR;
        }
        return ns | count;
    }

    private static boolean accept(CycleSpec spec, int st) {
        if (spec.variant() != 0 && (st & VAR) == 0) {
            return false;
        }
        int count = st & 3;
        boolean wrapAdj = (st & LAST_RW) != 0 && spec.seedRel() == Rel.RW;
        return switch (spec.shape()) {
            case ANY -> true;
            case SINGLE_RW -> count == 1;
            case NONADJACENT_RW -> count >= 2 && !wrapAdj && (st & ADJ) == 0;
            case ADJACENT_RW -> count >= 2 && (wrapAdj || (st & ADJ) != 0);
        };
    }

    private Cycle rebuild(CycleSpec spec, int a, int lastCode, int closingRel) {
        int len = 2;
        for (int c = lastCode; parent[c] >= 0; c = parent[c]) {
            len++;
        }
        // Walk: a -seed-> b ... -> last -closing-> a. Vertices: a, b..last (len-1 of them).
        int[] txns = new int[len];
        int[] rels = new int[txns.length];
        int i = txns.length - 1;
        rels[i] = closingRel;
        for (int c = lastCode; c >= 0; c = parent[c]) {
            txns[i] = global[c / STATES];
            if (parent[c] >= 0) {
                rels[i - 1] = parentRel[c];
            }
            i--;
        }
        txns[0] = a;
        rels[0] = spec.seedRel();
        return new Cycle(txns, rels);
    }
}
