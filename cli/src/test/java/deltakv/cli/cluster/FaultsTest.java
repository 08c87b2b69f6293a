package deltakv.cli.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import deltakv.checker.history.Keyword;
import deltakv.nemesis.Fault;
import deltakv.nemesis.Nemesis;
import deltakv.nemesis.Nemeses;
import deltakv.nemesis.cluster.NodeRole;
import deltakv.nemesis.net.Link;
import deltakv.nemesis.net.ProxyMesh;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.Jedis;

/**
 * The fault kinds on a real 3-node cluster whose node-to-node traffic crosses the proxy mesh, each through
 * its nemesis exactly as a run drives it: what it records, what the cluster does, and that healing works.
 */
class FaultsTest extends ClusterTestBase {
    private static Object start(Nemesis n, String kind, String target, ProcessCluster c) throws Exception {
        return n.invoke(new Fault(0, "start-" + kind, Keyword.of(target), 1), c.cluster);
    }

    private static Object stop(Nemesis n, String kind, ProcessCluster c) throws Exception {
        return n.invoke(new Fault(0, "stop-" + kind, null, 2), c.cluster);
    }

    @Test
    void partitionedLeaderLosesItsClientsWritesAndTheMajorityElectsAnother() throws Exception {
        c = ProcessCluster.startProxied(dir, 3);
        ProxyMesh mesh = c.cluster.network().orElseThrow();
        String old = c.leader();
        try (Jedis j = c.jedis(old)) {
            j.rpush("p", "before");
        }
        Nemesis partition = Nemeses.create("partition").nemesis();
        @SuppressWarnings("unchecked")
        Map<String, Set<String>> grudge = (Map<String, Set<String>>) ((List<Object>) start(partition, "partition", "leader", c)).get(1);
        assertEquals(2, grudge.get(old).size(), "the leader is cut from both peers: " + grudge);

        List<String> majority = c.layout.ids().stream().filter(n -> !n.equals(old)).toList();
        String next = eventually(() -> {
            NodeRole r = c.cluster.role(majority.get(0));
            if (r.leader() == null || r.leader().equals(old)) throw new IllegalStateException("no new leader yet");
            return r.leader();
        });
        assertNotEquals(old, next);
        long carried = between(mesh, old);
        try (Jedis j = c.jedis(next)) {
            eventually(() -> j.rpush("p", "during"));
        }
        // The isolated leader cannot commit: its client's write times out or is refused, never acknowledged.
        try (Jedis j = new Jedis(new HostAndPort("127.0.0.1", c.layout.redisPort(old)),
                DefaultJedisClientConfig.builder().timeoutMillis(4000).autoNegotiateProtocol(false).build())) {
            assertThrows(RuntimeException.class, () -> j.rpush("p", "isolated"));
        }
        assertEquals(carried, between(mesh, old), "nothing crossed the cut links, Raft or relay");

        assertEquals(Keyword.of("network-healed"), stop(partition, "partition", c));
        // After healing, the old leader's node serves again (relayed or leading) and has caught up.
        try (Jedis j = c.jedis(old)) {
            List<String> items = eventually(() -> {
                List<String> l = j.lrange("p", 0, -1);
                if (!l.contains("during")) throw new IllegalStateException("not caught up: " + l);
                return l;
            });
            assertTrue(items.containsAll(List.of("before", "during")), items.toString());
            assertTrue(!items.contains("isolated") || items.indexOf("isolated") > items.indexOf("during"),
                    "an unacknowledged write may land later, never before: " + items);
            eventually(() -> j.rpush("p", "after"));
        }
        assertTrue(between(mesh, old) > carried);
    }

    @Test
    void killedNodeRestartsOnItsDataAndCatchesUp() throws Exception {
        c = ProcessCluster.startProxied(dir, 3);
        Nemesis kill = Nemeses.create("kill").nemesis();
        @SuppressWarnings("unchecked")
        List<String> killed = (List<String>) ((List<Object>) start(kill, "kill", "one", c)).get(1);
        assertEquals(1, killed.size());
        String dead = killed.get(0);
        assertEquals(NodeRole.DOWN, c.cluster.role(dead));
        String live = c.layout.ids().stream().filter(n -> !n.equals(dead)).findFirst().orElseThrow();
        try (Jedis j = c.jedis(live)) {
            for (int i = 0; i < 50; i++) {
                int n = i;
                eventually(() -> j.rpush("k", "v" + n));
            }
        }
        // the killed JVM could not delete RocksDB's extracted native library: it is in the node's own tmp/
        Path tmp = c.layout.nodeDir(dead).resolve("tmp");
        assertEquals(1, rocksdbLibs(tmp), "the killed node's library sits in " + tmp);
        assertEquals(List.of(Keyword.of("restarted"), List.of(dead)), stop(kill, "kill", c));
        c.awaitListening(dead);
        assertEquals(1, rocksdbLibs(tmp), "the restart cleared the killed JVM's copy and extracted its own");
        try (Jedis j = c.jedisLocal(dead)) {
            eventually(() -> {
                long n = j.llen("k");
                if (n != 50) throw new IllegalStateException("caught up to " + n);
                return n;
            });
        }
    }

    private static long rocksdbLibs(Path dir) throws java.io.IOException {
        try (var files = java.nio.file.Files.list(dir)) {
            return files.filter(f -> f.getFileName().toString().startsWith("librocksdbjni")).count();
        }
    }

    @Test
    void pausedNodeIsSilentUntilResumed() throws Exception {
        c = ProcessCluster.startProxied(dir, 3);
        Nemesis pause = Nemeses.create("pause").nemesis();
        @SuppressWarnings("unchecked")
        List<String> paused = (List<String>) ((List<Object>) start(pause, "pause", "one", c)).get(1);
        String silent = paused.get(0);
        assertEquals(NodeRole.DOWN, c.cluster.role(silent), "a stopped process answers nothing");
        assertTrue(c.cluster.running(silent), "but it is alive");
        String live = c.layout.ids().stream().filter(n -> !n.equals(silent)).findFirst().orElseThrow();
        try (Jedis j = c.jedis(live)) {
            eventually(() -> j.rpush("q", "while-paused"));
        }
        assertEquals(List.of(Keyword.of("resumed"), List.of(silent)), stop(pause, "pause", c));
        try (Jedis j = c.jedisLocal(silent)) {
            assertEquals(List.of("while-paused"), eventually(() -> {
                List<String> l = j.lrange("q", 0, -1);
                if (l.isEmpty()) throw new IllegalStateException("not caught up");
                return l;
            }));
        }
    }

    @Test
    void slowLinksAddTheirDelayToEveryCommit() throws Exception {
        c = ProcessCluster.startProxied(dir, 3);
        String leader = c.leader();
        Nemesis slow = Nemeses.create("slow").nemesis();
        try (Jedis j = c.jedis(leader)) {
            eventually(() -> j.rpush("s", "warm"));
            double calm = medianMillis(j, 15);
            Object done = null;
            // The draw picks delay or throttle; find a draw that delays (recorded as :delay-ms).
            for (long draw = 1; done == null || !done.toString().contains("delay-ms"); draw++) {
                done = slow.invoke(new Fault(0, "start-slow", Keyword.of("all"), draw), c.cluster);
            }
            // A commit needs a follower's ack: one crossing out and one back, each 50 ± 10 ms.
            double slowed = medianMillis(j, 9);
            assertTrue(slowed >= 80 && slowed > calm + 60, "calm " + calm + " ms, slowed " + slowed + " ms: " + done);
            assertEquals(Keyword.of("links-restored"), slow.invoke(new Fault(0, "stop-slow", null, 0), c.cluster));
            double after = medianMillis(j, 15);
            assertTrue(after < slowed - 40, "restored " + after + " ms vs slowed " + slowed + " ms");
        }
    }

    @Test
    void clockShiftsShowInDkvClockAndCompactorFaultsInItsStats() throws Exception {
        c = ProcessCluster.start(dir, 3, false); // clock and compactor act over the Redis port: no proxies needed
        String leader = c.leader();
        Nemesis clock = Nemeses.create("clock").nemesis();
        Map<?, ?> bump = null;
        for (long draw = 1; bump == null || !bump.get(Keyword.of("action")).equals(Keyword.of("bump")); draw++) {
            bump = (Map<?, ?>) clock.invoke(new Fault(0, "start-clock", Keyword.of("all"), draw), c.cluster);
        }
        long shift = (Long) bump.get(Keyword.of("delta-ms"));
        for (String n : c.layout.ids()) assertEquals(shift, clockGet(n), n + " after " + bump);
        assertEquals(Map.of("n1", shift, "n2", shift, "n3", shift), bump.get(Keyword.of("offsets")));
        try (Jedis j = c.jedis(leader)) {
            eventually(() -> j.rpush("c", "skewed")); // a skewed cluster still commits
        }
        Map<?, ?> reset = (Map<?, ?>) stop(clock, "clock", c);
        assertEquals(Keyword.of("reset"), reset.get(Keyword.of("action")));
        for (String n : c.layout.ids()) assertEquals(0, clockGet(n), n + " after the reset");

        Map<?, ?> strobe = null;
        for (long draw = 1; strobe == null || !strobe.get(Keyword.of("action")).equals(Keyword.of("strobe")); draw++) {
            if (strobe != null) stop(clock, "clock", c);
            strobe = (Map<?, ?>) clock.invoke(new Fault(0, "start-clock", Keyword.of("one"), draw), c.cluster);
        }
        String strobed = (String) ((List<?>) strobe.get(Keyword.of("nodes"))).get(0);
        long strobeShift = (Long) strobe.get(Keyword.of("delta-ms"));
        Set<Long> seen = new java.util.HashSet<>();
        long until = System.nanoTime() + 3_000_000_000L;
        while (seen.size() < 2 && System.nanoTime() < until) {
            seen.add(clockGet(strobed));
            Thread.sleep(20);
        }
        assertEquals(Set.of(0L, strobeShift), seen, "the strobed clock flips between its shift and 0: " + strobe);
        Map<?, ?> strobeEnd = (Map<?, ?>) stop(clock, "clock", c);
        assertTrue((Long) strobeEnd.get(Keyword.of("flips")) >= 1, strobeEnd.toString());
        assertEquals(0, clockGet(strobed));

        Nemesis compactor = Nemeses.create("compactor").nemesis();
        Map<?, ?> paused = (Map<?, ?>) start(compactor, "compactor", "all", c);
        assertEquals(c.layout.ids(), paused.get(Keyword.of("nodes")));
        for (String n : c.layout.ids()) assertEquals("1", compactorStats(n).get("paused"), n + " paused");
        long ticks = Long.parseLong(compactorStats(leader).get("ticks"));
        Thread.sleep(500);
        assertEquals(ticks, Long.parseLong(compactorStats(leader).get("ticks")), "a paused compactor does not tick");
        Map<?, ?> resumed = (Map<?, ?>) stop(compactor, "compactor", c);
        assertEquals(Keyword.of("resumed"), resumed.get(Keyword.of("action")));
        for (String n : c.layout.ids()) assertEquals("0", compactorStats(n).get("paused"), n + " resumed");

        long before = Long.parseLong(compactorStats(leader).get("ticks"));
        Map<?, ?> bursts = (Map<?, ?>) start(compactor, "compactor", "leader", c);
        assertEquals(leader, bursts.get(Keyword.of("leader")));
        Thread.sleep(1000);
        Map<?, ?> ended = (Map<?, ?>) stop(compactor, "compactor", c);
        long runs = (Long) ((Map<?, ?>) ended.get(Keyword.of("runs"))).get(leader);
        assertTrue(runs >= 10, ended.toString());
        long after = Long.parseLong(compactorStats(leader).get("ticks"));
        assertTrue(after - before >= runs, "every RUN ticked the leader's compactor: " + before + " → " + after + ", " + ended);
    }

    private long clockGet(String node) throws Exception {
        return c.cluster.clockOffset(node);
    }

    private Map<String, String> compactorStats(String node) throws Exception {
        List<String> kv = c.cluster.compactor(node, "STATS");
        Map<String, String> m = new java.util.HashMap<>();
        for (int i = 0; i + 1 < kv.size(); i += 2) m.put(kv.get(i), kv.get(i + 1));
        return m;
    }

    private static double medianMillis(Jedis j, int n) throws Exception {
        double[] ms = new double[n];
        for (int i = 0; i < n; i++) {
            long t0 = System.nanoTime();
            eventually(() -> j.rpush("s", "x"));
            ms[i] = (System.nanoTime() - t0) / 1e6;
        }
        java.util.Arrays.sort(ms);
        return ms[n / 2];
    }

    /** Bytes carried so far by every link to or from {@code node}. */
    private static long between(ProxyMesh mesh, String node) {
        long sum = 0;
        for (Link l : mesh.links()) if (l.from().equals(node) || l.to().equals(node)) sum += l.bytes();
        return sum;
    }
}
