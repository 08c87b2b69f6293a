package deltakv.engine.redis;

import static org.junit.jupiter.api.Assertions.assertEquals;

import deltakv.engine.node.LocalNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.Pipeline;
import redis.clients.jedis.Response;

/** Pipelined commands (redis-benchmark -P style) run in order and their replies come back in order. */
class PipelineTest {
    @Test
    void repliesComeBackInCommandOrder() {
        try (LocalNode node = LocalNode.start(); Jedis j = node.jedis()) {
            Pipeline p = j.pipelined();
            List<Response<Long>> lengths = new ArrayList<>();
            List<Response<String>> reads = new ArrayList<>();
            for (int i = 0; i < 500; i++) {
                lengths.add(p.rpush("pl:list", "e" + i));
                p.set("pl:k", "v" + i);
                reads.add(p.get("pl:k"));
            }
            Response<List<String>> all = p.lrange("pl:list", 0, -1);
            p.sync();
            for (int i = 0; i < 500; i++) {
                assertEquals(i + 1, lengths.get(i).get());
                assertEquals("v" + i, reads.get(i).get());
            }
            assertEquals(500, all.get().size());
            assertEquals("e499", all.get().get(499));
        }
    }
}
