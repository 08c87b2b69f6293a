package deltakv.checker.elle;

/**
 * A dependency cycle: {@code txns[i] → txns[i+1]} (wrapping around) by relation {@code rels[i]}.
 * Searches return shortest closed walks, which are almost always simple cycles.
 */
public record Cycle(int[] txns, int[] rels) {
    public int length() {
        return txns.length;
    }

    /** Elle's name for a cycle from its edge kinds: G0, G1c, G-single-item, G-nonadjacent-item, G2-item (+ -process/-realtime). */
    public String classify() {
        int n = rels.length;
        int rw = 0;
        int wr = 0;
        boolean realtime = false;
        boolean process = false;
        boolean adjacentRw = false;
        for (int i = 0; i < n; i++) {
            int r = rels[i];
            if (r == Rel.RW) {
                rw++;
                if (rels[(i + n - 1) % n] == Rel.RW) {
                    adjacentRw = true;
                }
            } else if (r == Rel.WR) {
                wr++;
            } else if (r == Rel.REALTIME) {
                realtime = true;
            } else if (r == Rel.PROCESS) {
                process = true;
            }
        }
        String base;
        if (rw == 1) {
            base = "G-single-item";
        } else if (rw > 1) {
            base = adjacentRw ? "G2-item" : "G-nonadjacent-item";
        } else if (wr > 0) {
            base = "G1c";
        } else {
            base = "G0";
        }
        return base + (realtime ? "-realtime" : process ? "-process" : "");
    }
}
