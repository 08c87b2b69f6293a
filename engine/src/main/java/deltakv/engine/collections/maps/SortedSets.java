package deltakv.engine.collections.maps;

import deltakv.engine.collections.RangeEraser;
import deltakv.engine.txn.KeyRange;
import deltakv.engine.txn.Txn;
import java.util.ArrayList;
import java.util.List;

/**
 * Sorted-set operations over a {@link ScoredMap}: point reads and writes go to the members, order to the
 * score index. Range reads walk the index (tracked, so a MULTI/EXEC that read a range conflicts with a
 * concurrent insert into it); by-rank positions count entries from an end, O(rank) as a skip list's
 * span-less walk would be.
 */
public final class SortedSets {
    private static final int PAGE = 512;

    private final FieldMap map;

    SortedSets(FieldMap scoredMap) {
        this.map = scoredMap;
    }

    /** The members and scores as a {@link FieldMap} (value = 8-byte score): type checks, DEL, size. */
    public FieldMap map() {
        return map;
    }

    public Double score(Txn txn, byte[] key, byte[] member) {
        byte[] v = map.get(txn, key, member);
        return v == null ? null : ScoredMap.decode(v);
    }

    /** Sets a member's score; returns whether the member is new. */
    public boolean put(Txn txn, byte[] key, byte[] member, double score) {
        return map.put(txn, key, member, ScoredMap.encode(score));
    }

    public boolean remove(Txn txn, byte[] key, byte[] member) {
        return map.remove(txn, key, member);
    }

    public long size(Txn txn, byte[] key) {
        return map.size(txn, key);
    }

    /** Members at ranks {@code [start, stop]} after Redis's normalisation of negative ranks. */
    public List<Scored> byRank(Txn txn, byte[] key, long start, long stop, boolean reverse) {
        long len = map.size(txn, key);
        if (start < 0) start += len;
        if (stop < 0) stop += len;
        if (start < 0) start = 0;
        if (start > stop || start >= len) return List.of();
        if (stop >= len) stop = len - 1;
        return walk(txn, key, ScoreKeys.all(key), reverse, start, stop - start + 1);
    }

    /** Members with scores in {@code [min, max]} in score order (reversed on request), then LIMIT. */
    public List<Scored> byScore(Txn txn, byte[] key, ScoreBound min, ScoreBound max, boolean reverse, long offset, long count) {
        if (offset < 0 || empty(min, max)) return List.of();
        KeyRange r = ScoreKeys.between(key, min.value(), min.exclusive(), max.value(), max.exclusive());
        return walk(txn, key, r, reverse, offset, count < 0 ? Long.MAX_VALUE : count);
    }

    public long count(Txn txn, byte[] key, ScoreBound min, ScoreBound max) {
        if (empty(min, max)) return 0;
        return walk(txn, key, ScoreKeys.between(key, min.value(), min.exclusive(), max.value(), max.exclusive()), false, 0,
                Long.MAX_VALUE).size();
    }

    /** The member's 0-based rank from the low end (or the high end), or null if it is not a member. */
    public Long rank(Txn txn, byte[] key, byte[] member, boolean reverse) {
        Double s = score(txn, key, member);
        if (s == null) return null;
        KeyRange all = ScoreKeys.all(key);
        byte[] at = ScoreKeys.entry(key, s, member);
        KeyRange side = reverse ? new KeyRange(RangeEraser.successor(at), all.end()) : new KeyRange(all.start(), at);
        return (long) walk(txn, key, side, false, 0, Long.MAX_VALUE).size();
    }

    /** Removes and returns up to {@code count} members with the lowest (or highest) scores. */
    public List<Scored> pop(Txn txn, byte[] key, long count, boolean highest) {
        List<Scored> out = walk(txn, key, ScoreKeys.all(key), highest, 0, count);
        for (Scored s : out) map.remove(txn, key, s.member());
        return out;
    }

    private static boolean empty(ScoreBound min, ScoreBound max) {
        return min.value() > max.value() || (min.value() == max.value() && (min.exclusive() || max.exclusive()));
    }

    /** Index entries of {@code range} in order (or reversed): skips {@code skip}, returns at most {@code limit}. */
    private static List<Scored> walk(Txn txn, byte[] key, KeyRange range, boolean reverse, long skip, long limit) {
        List<Scored> out = new ArrayList<>();
        KeyRange rest = range;
        long skipped = 0;
        while (out.size() < limit) {
            List<Txn.KV> kvs = txn.scan(rest, PAGE, reverse, true);
            for (Txn.KV kv : kvs) {
                if (skipped < skip) {
                    skipped++;
                    continue;
                }
                if (out.size() >= limit) break;
                out.add(new Scored(ScoreKeys.memberOf(key, kv.key()), ScoreKeys.scoreOf(key, kv.key())));
            }
            if (kvs.size() < PAGE) break;
            byte[] last = kvs.get(kvs.size() - 1).key();
            rest = reverse ? new KeyRange(rest.start(), last) : new KeyRange(RangeEraser.successor(last), rest.end());
        }
        return out;
    }
}
