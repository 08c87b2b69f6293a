package deltakv.cli.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import deltakv.engine.cluster.HostsFiles;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import redis.clients.jedis.Jedis;

/**
 * Peers are addressed by name and each node resolves names through its own hosts file: only n1 maps
 * n2 to 127.0.0.2, where a counting proxy forwards to n2's real Raft port. Raft traffic crossing that
 * proxy shows n1 really follows its own mapping (what the partition nemesis relies on).
 */
class HostsFileRoutingTest {
    @TempDir
    Path dir;
    private ProcessCluster c;

    @AfterEach
    void stop() {
        if (c != null) c.close();
    }

    @Test
    void raftTrafficFollowsThePerProcessHostsFile() throws Exception {
        c = ProcessCluster.start(dir, 3, true);
        Map<String, String> n1View = new LinkedHashMap<>();
        n1View.put("n1", "127.0.0.1");
        n1View.put("n2", "127.0.0.2");
        n1View.put("n3", "127.0.0.1");
        HostsFiles.write(c.layout.hostsFile("n1"), n1View);
        try (CountingProxy proxy = new CountingProxy(new InetSocketAddress("127.0.0.2", c.layout.raftPort("n2")),
                new InetSocketAddress("127.0.0.1", c.layout.raftPort("n2")))) {
            c.startAll();
            try (Jedis j = c.jedis("n1")) {
                for (int i = 0; i < 20; i++) j.rpush("routed", "x" + i);
            }
            try (Jedis j = c.jedis("n2")) {
                assertEquals(20, j.lrange("routed", 0, -1).size());
            }
            long carried = proxy.bytes.get();
            System.out.println("n1<->n2 raft bytes through the per-link proxy: " + carried);
            assertTrue(carried > 1000, "raft traffic between n1 and n2 went through 127.0.0.2: " + carried);
            assertTrue(c.cluster.statusLines().stream().allMatch(l -> !l.contains("role=down")), List.of().toString());
        }
    }
}
