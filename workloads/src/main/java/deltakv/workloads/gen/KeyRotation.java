package deltakv.workloads.gen;

import java.util.Random;

/**
 * Keys that retire after a number of writes, decided by one worker alone. Key slot s in generation g is key
 * {@code s + slots × g}. Each worker counts its own writes per slot and moves the slot to the next
 * generation after {@code maxWritesPerKey / workers} of them (at least 1): workers writing at similar
 * rates move together, so keys stay shared (contended) while each key receives about
 * {@code maxWritesPerKey} writes in all — and the sequence depends only on this worker's draws.
 */
public final class KeyRotation {
    private final int slots;
    private final KeyDist dist;
    private final int perWorkerLimit;
    private final long[] generation;
    private final int[] writes;

    public KeyRotation(int slots, KeyDist dist, int maxWritesPerKey, int workers) {
        this.slots = slots;
        this.dist = dist;
        this.perWorkerLimit = Math.max(1, maxWritesPerKey / workers);
        this.generation = new long[slots];
        this.writes = new int[slots];
    }

    /** Draws a slot and returns its current key. */
    public long pick(Random r) {
        int s = dist.draw(r, slots);
        return s + (long) slots * generation[s];
    }

    /** Counts a write to {@code key}; the slot moves on once this worker wrote its share. */
    public void wrote(long key) {
        int s = (int) (key % slots);
        if (key / slots != generation[s]) return; // an older generation: already retired
        if (++writes[s] >= perWorkerLimit) {
            writes[s] = 0;
            generation[s]++;
        }
    }
}
