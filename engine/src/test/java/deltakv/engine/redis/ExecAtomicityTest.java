package deltakv.engine.redis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import deltakv.engine.node.LocalNode;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.Transaction;

/** A MULTI/EXEC block commits as a whole: concurrent readers never observe half of it. */
class ExecAtomicityTest {
    private static final int MIN_BLOCKS = 150;
    private static final int MIN_READS = 100;
    private static final int MAX_BLOCKS = 20_000;

    @Test
    void readersNeverSeeHalfABlock() throws Exception {
        try (LocalNode node = LocalNode.start()) {
            AtomicBoolean done = new AtomicBoolean();
            AtomicReference<String> torn = new AtomicReference<>();
            AtomicInteger reads = new AtomicInteger();
            Thread reader = new Thread(() -> {
                try (Jedis r = node.jedis()) {
                    while (!done.get() && torn.get() == null) {
                        Transaction t = r.multi();
                        t.llen("at:a");
                        t.llen("at:b");
                        t.get("at:x");
                        t.get("at:y");
                        List<Object> res = t.exec();
                        reads.incrementAndGet();
                        if (!res.get(0).equals(res.get(1))) torn.set("list lengths " + res.get(0) + " vs " + res.get(1));
                        if (!String.valueOf(res.get(2)).equals(String.valueOf(res.get(3)))) {
                            torn.set("strings " + res.get(2) + " vs " + res.get(3));
                        }
                    }
                }
            });
            reader.start();
            int blocks = 0;
            try (Jedis w = node.jedis()) {
                // keep writing until the reader has overlapped with plenty of blocks
                for (int i = 1; i <= MAX_BLOCKS && torn.get() == null && (i <= MIN_BLOCKS || reads.get() < MIN_READS); i++) {
                    blocks = i;
                    Transaction t = w.multi();
                    t.rpush("at:a", "e" + i);
                    t.set("at:x", "v" + i);
                    t.rpush("at:b", "e" + i);
                    t.set("at:y", "v" + i);
                    assertEquals(4, t.exec().size());
                }
            } finally {
                done.set(true);
                reader.join(30_000);
            }
            assertEquals(null, torn.get());
            assertTrue(reads.get() >= MIN_READS, "reader overlapped only " + reads.get() + " times");
            try (Jedis j = node.jedis()) {
                assertEquals(blocks, j.llen("at:a"));
                assertEquals(blocks, j.llen("at:b"));
            }
        }
    }
}
