package deltakv.runner.nightly;

import java.util.ArrayList;
import java.util.List;

/**
 * The cells one night runs. The sentinels always; then one slice of the rotation: the rotation is cut, in its
 * fixed order, into consecutive slices that each fit what the budget leaves after the sentinels, and the night's
 * seed picks slice {@code seed mod slices}. Successive seeds with the same budget therefore cover the whole
 * matrix in {@code slices} nights. {@link #shard} splits a plan over machines.
 *
 * @param slice  the rotation slice this night runs (-1: an explicit plan, not the rotation)
 * @param slices how many slices the rotation has at this budget (nights to cover the matrix)
 */
public record Plan(long seed, double budgetSeconds, List<Cell> cells, int slice, int slices, int shard, int shards) {
    public Plan {
        cells = List.copyOf(cells);
    }

    /**
     * @param reservedSeconds budget kept for other steps (the bench and gate of {@code --baseline})
     */
    public static Plan night(double budgetSeconds, long seed, double reservedSeconds) {
        List<Cell> cells = new ArrayList<>(Matrix.sentinels());
        double left = budgetSeconds - reservedSeconds - seconds(cells);
        List<List<Cell>> slices = slices(Matrix.rotation(), left);
        int slice = -1;
        if (!slices.isEmpty()) {
            slice = (int) Math.floorMod(seed, (long) slices.size());
            cells.addAll(slices.get(slice));
        }
        return new Plan(seed, budgetSeconds, cells, slice, slices.size(), 1, 1);
    }

    /** The cells of a plan file, as they are. */
    public static Plan explicit(List<Cell> cells, long seed, double budgetSeconds) {
        return new Plan(seed, budgetSeconds, cells, -1, 0, 1, 1);
    }

    /** Consecutive runs of {@code rotation} that each fit {@code room} seconds (a cell longer than that gets a slice alone). */
    static List<List<Cell>> slices(List<Cell> rotation, double room) {
        List<List<Cell>> out = new ArrayList<>();
        if (room <= 0) return out;
        List<Cell> cur = new ArrayList<>();
        double used = 0;
        for (Cell c : rotation) {
            if (!cur.isEmpty() && used + c.estimateSeconds() > room) {
                out.add(cur);
                cur = new ArrayList<>();
                used = 0;
            }
            cur.add(c);
            used += c.estimateSeconds();
        }
        if (!cur.isEmpty()) out.add(cur);
        return out;
    }

    /**
     * Shard {@code i} of {@code n} (1-based): the cells are dealt in plan order, each to the shard with the least
     * estimated time so far (the lowest number on a tie). Deterministic, so N machines given the same seed and
     * budget split one plan: every cell in exactly one shard.
     */
    public Plan shard(int i, int n) {
        return shard(i, n, 0);
    }

    /** @param firstShardSeconds time shard 1 spends besides its cells (the bench and gate): it gets fewer cells */
    public Plan shard(int i, int n, double firstShardSeconds) {
        if (n < 1 || i < 1 || i > n) throw new IllegalArgumentException("--shard must be I/N with 1 <= I <= N, got " + i + "/" + n);
        double[] load = new double[n];
        load[0] = firstShardSeconds;
        List<Cell> mine = new ArrayList<>();
        for (Cell c : cells) {
            int best = 0;
            for (int s = 1; s < n; s++) if (load[s] < load[best]) best = s;
            load[best] += c.estimateSeconds();
            if (best == i - 1) mine.add(c);
        }
        return new Plan(seed, budgetSeconds, mine, slice, slices, i, n);
    }

    public double estimateSeconds() {
        return seconds(cells);
    }

    private static double seconds(List<Cell> cells) {
        return cells.stream().mapToDouble(Cell::estimateSeconds).sum();
    }
}
