package deltakv.engine.collections.maps;

import static deltakv.engine.collections.DataFixture.b;
import static org.junit.jupiter.api.Assertions.assertEquals;

import deltakv.engine.Variant;
import deltakv.engine.collections.DataFixture;
import deltakv.engine.redis.CommandSpec;
import deltakv.engine.redis.Reply;
import deltakv.engine.txn.Txn;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Deterministic interleavings for hashes, sets and sorted sets: a body runs a command, another command
 * commits in between (first attempt only), then the body commits; 2 attempts = it conflicted. The design's
 * claim (DELTA_DESIGN §7): in the delta layouts writers of distinct fields never conflict on metadata; in
 * rmw every writer of a hash or set conflicts. What must conflict still does, in every variant.
 */
class MapConflictTest {
    @TempDir
    Path dir;

    private static Reply exec(DataFixture f, Txn t, String... args) {
        List<byte[]> argv = new ArrayList<>();
        for (String a : args) argv.add(b(a));
        CommandSpec spec = f.commands.get(args[0].toLowerCase());
        return spec.handler().execute(t, argv);
    }

    /** Attempts the body needed when {@code between} commits after its first attempt's command. */
    private static int attempts(DataFixture f, String[] body, String... between) {
        AtomicInteger n = new AtomicInteger();
        f.run(t -> {
            exec(f, t, body);
            if (n.incrementAndGet() == 1) f.cmd(between);
            t.put(b("marker"), b("x")); // every body a writer, as inside MULTI/EXEC
            return null;
        });
        return n.get();
    }

    private static String[] c(String... args) {
        return args;
    }

    @ParameterizedTest
    @EnumSource(value = Variant.class, names = {"DELTA", "DELTA_CF"})
    void deltaWritersOfDistinctFieldsNeverConflict(Variant v) {
        try (DataFixture f = new DataFixture(dir, v)) {
            f.cmd("HSET", "h", "seed", "1");
            f.cmd("SADD", "s", "seed");
            f.cmd("ZADD", "z", "1", "seed");
            assertEquals(1, attempts(f, c("HSET", "h", "f1", "a"), "HSET", "h", "f2", "b"));
            assertEquals(1, attempts(f, c("HDEL", "h", "f1"), "HSET", "h", "f3", "c"));
            assertEquals(1, attempts(f, c("SADD", "s", "m1"), "SADD", "s", "m2"));
            assertEquals(1, attempts(f, c("SREM", "s", "m1"), "SADD", "s", "m3"));
            assertEquals(1, attempts(f, c("ZADD", "z", "5", "m1"), "ZADD", "z", "5", "m2"));
            assertEquals(1, attempts(f, c("ZINCRBY", "z", "1", "m1"), "ZADD", "z", "7", "m3"));
            assertEquals(new Reply.Int(3), f.cmd("HLEN", "h")); // seed, f2, f3
            assertEquals(new Reply.Int(3), f.cmd("SCARD", "s"));
            assertEquals(new Reply.Int(4), f.cmd("ZCARD", "z"));
        }
    }

    @Test
    void rmwWritersOfOneHashSetOrSortedSetConflict() {
        try (DataFixture f = new DataFixture(dir, Variant.RMW)) {
            f.cmd("HSET", "h", "seed", "1");
            f.cmd("SADD", "s", "seed");
            f.cmd("ZADD", "z", "1", "seed");
            assertEquals(2, attempts(f, c("HSET", "h", "f1", "a"), "HSET", "h", "f2", "b"));
            assertEquals(2, attempts(f, c("SADD", "s", "m1"), "SADD", "s", "m2"));
            assertEquals(2, attempts(f, c("ZADD", "z", "5", "m1"), "ZADD", "z", "5", "m2"), "the zset Len record");
        }
    }

    @ParameterizedTest
    @EnumSource(value = Variant.class, names = {"RMW", "DELTA", "DELTA_CF"})
    void whatDoesNotCommuteStillConflicts(Variant v) {
        try (DataFixture f = new DataFixture(dir, v)) {
            f.cmd("HSET", "h", "f", "1");
            f.cmd("SADD", "s", "m");
            f.cmd("ZADD", "z", "1", "m");
            // the same field
            assertEquals(2, attempts(f, c("HSET", "h", "g", "a"), "HSET", "h", "g", "b"));
            assertEquals(2, attempts(f, c("SADD", "s", "n"), "SADD", "s", "n"));
            assertEquals(2, attempts(f, c("ZADD", "z", "2", "n"), "ZADD", "z", "3", "n"));
            // a read of the collection, then any write that changes it
            assertEquals(2, attempts(f, c("HLEN", "h"), "HSET", "h", "new1", "x"));
            assertEquals(2, attempts(f, c("HGETALL", "h"), "HSET", "h", "new2", "x"));
            assertEquals(2, attempts(f, c("HGET", "h", "f"), "HSET", "h", "f", "2"));
            assertEquals(2, attempts(f, c("SCARD", "s"), "SREM", "s", "m"));
            assertEquals(2, attempts(f, c("SMEMBERS", "s"), "SADD", "s", "new"));
            assertEquals(2, attempts(f, c("ZCARD", "z"), "ZADD", "z", "1", "new"));
            assertEquals(2, attempts(f, c("ZRANGE", "z", "0", "-1"), "ZADD", "z", "0.5", "new2"));
            assertEquals(2, attempts(f, c("ZRANGE", "z", "0", "10", "BYSCORE"), "ZINCRBY", "z", "1", "m"));
            // DEL and type changes
            assertEquals(2, attempts(f, c("HSET", "h", "new3", "x"), "DEL", "h"));
            assertEquals(2, attempts(f, c("SADD", "fresh", "a"), "RPUSH", "fresh", "a"), "two creators of one key");
            assertEquals(2, attempts(f, c("RPUSH", "fresh2", "a"), "HSET", "fresh2", "f", "v"), "two creators of one key");
            assertEquals(2, attempts(f, c("TYPE", "h"), "DEL", "h"));
        }
    }
}
