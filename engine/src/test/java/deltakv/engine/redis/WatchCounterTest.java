package deltakv.engine.redis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import deltakv.engine.node.LocalNode;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.Transaction;

/**
 * The classic optimistic-locking counter: WATCH, GET, MULTI, SET n+1, EXEC, retry on nil. With
 * several clients racing, no increment may be lost and some EXECs must have been refused.
 */
class WatchCounterTest {
    private static final int CLIENTS = 4;
    private static final int INCREMENTS = 40;

    @Test
    void watchGuardedIncrementsAreNeverLost() throws Exception {
        try (LocalNode node = LocalNode.start()) {
            AtomicInteger refused = new AtomicInteger();
            AtomicReference<Throwable> failure = new AtomicReference<>();
            List<Thread> clients = new ArrayList<>();
            for (int c = 0; c < CLIENTS; c++) {
                Thread t = new Thread(() -> {
                    try (Jedis j = node.jedis()) {
                        for (int done = 0; done < INCREMENTS; ) {
                            j.watch("wc:counter");
                            String v = j.get("wc:counter");
                            long next = (v == null ? 0 : Long.parseLong(v)) + 1;
                            Transaction tx = j.multi();
                            tx.set("wc:counter", Long.toString(next));
                            if (tx.exec() == null) refused.incrementAndGet();
                            else done++;
                        }
                    } catch (Throwable e) {
                        failure.compareAndSet(null, e);
                    }
                });
                clients.add(t);
                t.start();
            }
            for (Thread t : clients) t.join(120_000);
            assertEquals(null, failure.get());
            try (Jedis j = node.jedis()) {
                assertEquals(Long.toString(CLIENTS * INCREMENTS), j.get("wc:counter"));
            }
            assertTrue(refused.get() > 0, "clients never raced; the test proved nothing");
        }
    }
}
