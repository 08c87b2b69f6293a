package deltakv.engine.collections;

import deltakv.engine.txn.KeyRange;
import deltakv.engine.txn.Txn;
import java.util.List;

/**
 * Claim garbage collection for one list inside a compaction transaction (DELTA_DESIGN §5).
 * <ol>
 * <li>Inside {@code [head, tail)}: advance Head only through contiguous claimed sequences from Head and
 *     retreat Tail only through contiguous claimed sequences from Tail-1; stop at the first gap, since
 *     skipping an unclaimed sequence would drop an element that was never popped.</li>
 * <li>Outside the range: claims (and their items) left by pops whose delta already moved the bound are
 *     dead; delete them.</li>
 * </ol>
 * Moving a bound tracks the item key a push at that end would write (see {@link #collect}).
 * Every deletion counts against {@code budget}. The outside scans start at the stored claim bounds
 * (the compactor lowers/raises them to every Head/Tail a folded pop could have seen), not at the ends
 * of the claim range.
 */
final class ClaimGc {
    /**
     * @param meta metadata after collection; @param more whether the budget cut the work short;
     * @param floor / @param ceiling the claim bounds to store (see {@link #collect})
     */
    record Result(ListMeta meta, long claims, int deletions, boolean more, long floor, long ceiling) {}

    private final boolean skipGapBug;

    ClaimGc(boolean skipGapBug) {
        this.skipGapBug = skipGapBug;
    }

    /**
     * @param floor   no live claim outside the range has a sequence below it ({@link StoredBase#NO_FLOOR}:
     *                unknown). Why bother: every LPOP leaves a claim that is deleted here, and its tombstone
     *                stays until version GC; scanning from the start of the claim range walks all of them,
     *                so each compaction cost grew with the list's history.
     * @param ceiling no live claim outside the range has a sequence at or above it (RPOP's side)
     */
    Result collect(Txn txn, byte[] key, ListMeta meta, int budget, long floor, long ceiling) {
        long head = meta.head();
        long tail = meta.tail();
        int pairs = budget / 2;
        long claims = 0;
        boolean more = false;

        List<Txn.KV> fromHead = txn.scan(ListKeys.claims(key, head, tail), Math.max(pairs, 1), false, false);
        long expect = head;
        for (Txn.KV c : fromHead) {
            long seq = ListKeys.seqOf(c.key());
            if (claims >= pairs) { more = true; break; }
            if (seq != expect && !skipGapBug) break;
            deletePair(txn, key, c.key(), seq);
            claims++;
            head = seq + 1;
            expect = seq + 1;
        }
        List<Txn.KV> fromTail = txn.scan(ListKeys.claims(key, head, tail), Math.max(pairs, 1), true, false);
        expect = tail - 1;
        for (Txn.KV c : fromTail) {
            long seq = ListKeys.seqOf(c.key());
            if (claims >= pairs) { more = true; break; }
            if (seq != expect) break;
            deletePair(txn, key, c.key(), seq);
            claims++;
            tail = seq;
            expect = seq - 1;
        }
        // A push that resolved the old bound writes its element next to it; moving the bound under that push
        // would place its element outside the range. The push tracks the claim at the bound (deleted above),
        // which catches a push committing after this; the item key catches one that committed before.
        if (head != meta.head()) txn.trackRead(ListKeys.item(key, meta.head() - 1));
        if (tail != meta.tail()) txn.trackRead(ListKeys.item(key, meta.tail()));
        KeyRange all = ListKeys.claims(key);
        byte[] below = floor == StoredBase.NO_FLOOR ? all.start() : ListKeys.claim(key, Math.min(floor, head));
        byte[] above = ceiling == StoredBase.NO_CEILING ? all.end() : ListKeys.claim(key, Math.max(ceiling, tail));
        List<KeyRange> outside = List.of(new KeyRange(below, ListKeys.claim(key, head)),
                new KeyRange(ListKeys.claim(key, tail), above));
        boolean[] complete = new boolean[2];
        for (int side = 0; side < 2; side++) {
            int room = (int) (pairs - claims);
            if (room <= 0) { more = true; break; }
            List<Txn.KV> dead = txn.scan(outside.get(side), room, false, false);
            for (Txn.KV c : dead) deletePair(txn, key, c.key(), ListKeys.seqOf(c.key()));
            claims += dead.size();
            if (dead.size() == room) more = true;
            else complete[side] = true;
        }
        // a side scanned to its end leaves no live claim beyond the (new) bound
        return new Result(new ListMeta(head, Math.max(0, tail - head)), claims, (int) (2 * claims), more,
                complete[0] ? head : floor, complete[1] ? tail : ceiling);
    }

    private static void deletePair(Txn txn, byte[] key, byte[] claimKey, long seq) {
        txn.delete(claimKey);
        txn.delete(ListKeys.item(key, seq));
    }
}
