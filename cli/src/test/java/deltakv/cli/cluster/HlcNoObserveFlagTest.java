package deltakv.cli.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import deltakv.nemesis.cluster.RespProbe;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.Jedis;

/**
 * The {@code hlc-no-observe} bug flag under clock skew, on real node processes. A leader whose clock
 * runs an hour ahead pushes to a delta list and compacts it (the base meta's fold mark becomes its last
 * delta's commit ts); it is killed and a node with a normal clock takes over and pushes more.
 * <p>
 * The correct new leader has observed every applied commit ts, so its deltas sort above the mark. The
 * buggy one stamps commit ts an hour lower and nothing rejects them: its deltas sort below the mark and
 * are never counted, so every push sees the same length, writes the same item position (its OCC check
 * sees no version above its snapshot) and is acknowledged — and lost.
 */
class HlcNoObserveFlagTest extends ClusterTestBase {
    private static final String KEY = "q";
    private static final long SKEW_MS = 3_600_000;
    /** Exactly maxDeltaCount (64): one compactor tick folds them all, and no push nudges it earlier. */
    private static final int BEFORE = 64;
    private static final int AFTER = 10;


    /** What the client saw: acknowledged elements with each RPUSH reply, then LLEN and LRANGE. */
    private record Outcome(List<String> acked, List<Long> replies, long llen, List<String> lrange) {
        List<Long> afterFailoverReplies() {
            return replies.subList(BEFORE, replies.size());
        }

        List<String> missing() {
            return acked.stream().filter(e -> !lrange.contains(e)).toList();
        }
    }


    @Test
    void correctEngineKeepsEveryAcknowledgedPushAcrossASkewedFailover() throws Exception {
        Outcome o = skewedFailover(List.of());
        assertEquals(o.acked(), o.lrange());
        assertEquals(BEFORE + AFTER, o.llen());
        List<Long> expected = new ArrayList<>();
        for (long n = BEFORE + 1; n <= BEFORE + AFTER; n++) expected.add(n);
        assertEquals(expected, o.afterFailoverReplies());
    }

    @Test
    void hlcNoObserveLosesTheNewLeadersPushes() throws Exception {
        Outcome o = skewedFailover(List.of("hlc-no-observe"));
        assertEquals(BEFORE + AFTER, o.acked().size(), "every push was acknowledged");
        assertEquals(Collections.nCopies(AFTER, (long) BEFORE + 1), o.afterFailoverReplies(),
                "each push after the failover saw the same length");
        assertEquals(BEFORE, o.llen(), "LLEN counts none of the new leader's deltas");
        assertEquals(o.acked().subList(BEFORE, BEFORE + AFTER), o.missing(),
                "acknowledged elements missing from LRANGE");
    }

    private Outcome skewedFailover(List<String> bugs) throws Exception {
        c = ProcessCluster.start(dir, 3, false, bugs);
        String skewed = c.leader();
        admin(skewed, "DKV.CLOCK", "SET", String.valueOf(SKEW_MS));
        List<String> acked = new ArrayList<>();
        List<Long> replies = new ArrayList<>();
        push(skewed, "a", BEFORE, acked, replies);
        admin(skewed, "DKV.COMPACTOR", "RUN");
        assertEquals(BEFORE, compactorCounter(skewed, "deltas_folded"), "the skewed leader folded the list");

        c.cluster.kill(skewed);
        String next = c.leader();
        assertNotEquals(skewed, next);
        awaitWritable(next);
        push(next, "b", AFTER, acked, replies);
        try (Jedis j = c.jedis(next)) {
            return new Outcome(acked, replies, j.llen(KEY), j.lrange(KEY, 0, -1));
        }
    }

    private void push(String node, String prefix, int count, List<String> acked, List<Long> replies) {
        try (Jedis j = c.jedis(node)) {
            for (int i = 0; i < count; i++) {
                String e = prefix + i;
                replies.add(j.rpush(KEY, e));
                acked.add(e);
            }
        }
    }

    /** A fresh leader answers TRYAGAIN until its first entry of the term is applied; probe another key. */
    private void awaitWritable(String node) throws Exception {
        try (Jedis j = c.jedis(node)) {
            eventually(() -> j.set("probe", "1"));
        }
    }

    private List<String> admin(String node, String... args) throws Exception {
        return RespProbe.call("127.0.0.1", c.layout.redisPort(node), 10_000, args);
    }

    private long compactorCounter(String node, String name) throws Exception {
        List<String> stats = admin(node, "DKV.COMPACTOR", "STATS");
        return Long.parseLong(stats.get(stats.indexOf(name) + 1));
    }
}
