package deltakv.cli.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import deltakv.nemesis.cluster.HostsFiles;
import java.net.InetSocketAddress;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.Jedis;

/**
 * Peers are addressed by name and each node resolves names through its own hosts file: only n1 maps
 * n2 to 127.0.0.2 and n3 to 127.0.0.3, where counting proxies forward to their real Raft ports. n1
 * writes; whoever leads, n1's Raft traffic (appends as leader, forwarded writes and read-index
 * requests as follower) must cross the proxies: n1 really follows its own mapping, which is what
 * the partition nemesis relies on.
 */
class HostsFileRoutingTest extends ClusterTestBase {


    @Test
    void raftTrafficFollowsThePerProcessHostsFile() throws Exception {
        c = ProcessCluster.start(dir, 3, true);
        Map<String, String> n1View = new LinkedHashMap<>();
        n1View.put("n1", "127.0.0.1");
        n1View.put("n2", "127.0.0.2");
        n1View.put("n3", "127.0.0.3");
        HostsFiles.write(c.layout.hostsFile("n1"), n1View);
        try (CountingProxy toN2 = new CountingProxy(new InetSocketAddress("127.0.0.2", c.layout.raftPort("n2")),
                new InetSocketAddress("127.0.0.1", c.layout.raftPort("n2")));
             CountingProxy toN3 = new CountingProxy(new InetSocketAddress("127.0.0.3", c.layout.raftPort("n3")),
                     new InetSocketAddress("127.0.0.1", c.layout.raftPort("n3")))) {
            c.startAll();
            try (Jedis j = c.jedis("n1")) {
                for (int i = 0; i < 20; i++) j.rpush("routed", "x" + i);
            }
            try (Jedis j = c.jedis("n2")) {
                assertEquals(20, j.lrange("routed", 0, -1).size());
            }
            long carried = toN2.bytes.get() + toN3.bytes.get();
            System.out.println("n1's raft bytes through its per-link proxies: n2=" + toN2.bytes.get() + " n3="
                    + toN3.bytes.get() + " (leader " + c.leader() + ")");
            assertTrue(carried > 2000, "n1's raft traffic went through 127.0.0.2/.3: " + carried);
            assertTrue(c.cluster.statusLines().stream().allMatch(l -> !l.contains("role=down")), List.of().toString());
        }
    }
}
