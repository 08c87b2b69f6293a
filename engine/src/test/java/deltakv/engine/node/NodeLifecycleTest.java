package deltakv.engine.node;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import deltakv.engine.Variant;
import deltakv.engine.storage.StorageException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.Jedis;

/** Start, stop, restart and start-up failures of a real node. */
class NodeLifecycleTest {
    @Test
    void dataSurvivesARestart() {
        Path dir = LocalNode.tempDir();
        try {
            try (LocalNode n = LocalNode.startIn(dir, Variant.DELTA); Jedis j = n.jedis()) {
                j.rpush("lc:list", "a", "b", "c");
                j.lpop("lc:list");
                j.set("lc:str", "kept");
            }
            try (LocalNode n = LocalNode.startIn(dir, Variant.DELTA); Jedis j = n.jedis()) {
                assertEquals(List.of("b", "c"), j.lrange("lc:list", 0, -1));
                assertEquals("kept", j.get("lc:str"));
            }
        } finally {
            LocalNode.deleteTree(dir);
        }
    }

    @Test
    void aLockedDataDirectoryIsRefusedWithAClearMessage() {
        try (LocalNode first = LocalNode.start()) {
            StorageException e = assertThrows(StorageException.class,
                    () -> Node.start(LocalNode.options(first.dataDir(), Variant.DELTA, java.util.Set.of())));
            assertTrue(e.getMessage().contains("in use"), e.getMessage());
            try (Jedis j = first.jedis()) {
                assertEquals("PONG", j.ping());
            }
        }
    }

    @Test
    void aBusyPortFailsAndReleasesTheDataDirectory() {
        Path dir = LocalNode.tempDir();
        try (LocalNode other = LocalNode.start()) {
            NodeOptions clash = LocalNode.options(dir, Variant.DELTA, java.util.Set.of()).withPort(other.port());
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> Node.start(clash));
            assertTrue(e.getMessage().contains("cannot listen"), e.getMessage());
            // the failed start closed the store it had opened: the directory is usable again
            try (LocalNode again = LocalNode.startIn(dir, Variant.DELTA); Jedis j = again.jedis()) {
                assertEquals("PONG", j.ping());
            }
        } finally {
            LocalNode.deleteTree(dir);
        }
    }
}
