package deltakv.cli.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.Jedis;

/**
 * Continuous RPUSH of unique elements from several clients on every node while the leader is
 * killed (kill -9) and restarted 10 times: afterwards every acknowledged element is in its list
 * exactly once, and no element (acknowledged or not) appears twice.
 */
class LeaderKillRpushTest extends ClusterTestBase {
    private static final int CLIENTS = 6;
    private static final int KEYS = 4;
    private static final int KILLS = 10;


    @Test
    void tenLeaderKillsLoseAndDuplicateNothing() throws Exception {
        c = ProcessCluster.start(dir, 3, false);
        Set<String> acked = ConcurrentHashMap.newKeySet();
        AtomicBoolean running = new AtomicBoolean(true);
        AtomicLong errors = new AtomicLong();
        List<Thread> clients = new ArrayList<>();
        for (int t = 0; t < CLIENTS; t++) {
            int client = t;
            Thread th = new Thread(() -> pushLoop(client, acked, running, errors), "rpush-" + t);
            th.start();
            clients.add(th);
        }
        for (int k = 0; k < KILLS; k++) {
            Thread.sleep(1500);
            String leader = c.killLeader();
            c.leader(); // a new one is elected while the old one is down
            c.restart(leader);
        }
        Thread.sleep(1500);
        running.set(false);
        for (Thread th : clients) th.join(60_000);

        Map<String, Integer> seen = readAll();
        List<String> dups = seen.entrySet().stream().filter(e -> e.getValue() > 1).map(Map.Entry::getKey).toList();
        List<String> lost = acked.stream().filter(e -> !seen.containsKey(e)).toList();
        System.out.println("leader kills: acked=" + acked.size() + " present=" + seen.size() + " errors=" + errors.get()
                + " lost=" + lost.size() + " dups=" + dups.size());
        assertTrue(acked.size() > 200, "enough load went through: " + acked.size());
        assertEquals(List.of(), lost, "acknowledged elements lost");
        assertEquals(List.of(), dups, "duplicated elements");
    }

    /** Every list's elements with their counts; retried while the cluster settles after the last kill. */
    private Map<String, Integer> readAll() throws Exception {
        RuntimeException last = null;
        for (int attempt = 0; attempt < 10; attempt++) {
            Map<String, Integer> seen = new HashMap<>();
            try (Jedis j = c.jedis(c.leader())) {
                for (int k = 0; k < KEYS; k++) {
                    for (String e : j.lrange("list" + k, 0, -1)) seen.merge(e, 1, Integer::sum);
                }
                return seen;
            } catch (RuntimeException e) {
                last = e;
                Thread.sleep(1000);
            }
        }
        throw last;
    }

    private void pushLoop(int client, Set<String> acked, AtomicBoolean running, AtomicLong errors) {
        List<String> ids = c.layout.ids();
        Jedis j = null;
        for (long seq = 0; running.get(); seq++) {
            String node = ids.get((int) ((client + seq / 50) % ids.size()));
            String element = "c" + client + "-" + seq;
            try {
                if (j == null) j = c.jedis(node);
                j.rpush("list" + (seq % KEYS), element);
                acked.add(element);
            } catch (RuntimeException e) {
                // TRYAGAIN, UNKNOWN or a dead node: not acknowledged; reconnect (maybe elsewhere)
                errors.incrementAndGet();
                if (j != null) j.close();
                j = null;
                sleep(50);
            }
            if (seq % 50 == 49 && j != null) {
                j.close();
                j = null;
            }
        }
        if (j != null) j.close();
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
