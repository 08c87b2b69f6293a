package deltakv.engine.node;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import deltakv.engine.PopBounds;
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
    void aStoreIsReopenedOnlyWithTheVariantAndPopBoundsItWasWrittenWith() {
        Path dir = LocalNode.tempDir();
        NodeOptions claimGc = LocalNode.options(dir, Variant.DELTA, java.util.Set.of()).withPopBounds(PopBounds.CLAIM_GC);
        try {
            try (Node n = Node.start(claimGc); Jedis j = new Jedis("127.0.0.1", n.port())) {
                j.rpush("l", "a", "b", "c");
                j.lpop("l"); // a claim inside the range: a delta node would still count it
                assertTrue(j.info("deltakv").contains("pop_bounds:claim-gc"));
            }
            WrongStoreException e = assertThrows(WrongStoreException.class,
                    () -> Node.start(claimGc.withPopBounds(PopBounds.DELTA)));
            assertEquals("data directory " + dir + " was written with --variant delta --pop-bounds claim-gc, not"
                    + " --variant delta --pop-bounds delta; start the node with those options, or use another --data",
                    e.getMessage());
            assertThrows(WrongStoreException.class, () -> Node.start(
                    LocalNode.options(dir, Variant.RMW, java.util.Set.of())));
            try (Node n = Node.start(claimGc); Jedis j = new Jedis("127.0.0.1", n.port())) {
                assertEquals(2, j.llen("l"));
                assertEquals(List.of("b", "c"), j.lrange("l", 0, -1));
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
