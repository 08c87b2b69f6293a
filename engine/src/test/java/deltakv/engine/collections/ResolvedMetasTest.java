package deltakv.engine.collections;

import static deltakv.engine.collections.DataFixture.b;
import static deltakv.engine.collections.DataFixture.bytesList;
import static org.junit.jupiter.api.Assertions.assertEquals;

import deltakv.engine.redis.Reply;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One transaction resolves a list's committed meta once, and again only after its own DEL. */
class ResolvedMetasTest {
    @TempDir
    Path dir;

    private final EngineDefaults cfg = new EngineDefaults();

    private static <T> T recorded(DataFixture f, Function<ScanRecordingTxn, T> body) {
        return f.run(t -> body.apply(new ScanRecordingTxn(t)));
    }

    @Test
    void existenceCheckThenPopScansTheDeltasOnce() {
        try (DataFixture f = new DataFixture(dir, cfg.delta(64))) {
            f.push("l", End.RIGHT, "a", "b", "c");
            int scans = recorded(f, t -> {
                f.lists().exists(t, b("l")); // what LPOP/LINDEX/LMOVE do before the operation
                f.lists().pop(t, b("l"), End.LEFT, 1);
                f.lists().push(t, b("l"), End.RIGHT, bytesList("d"));
                f.lists().length(t, b("l"));
                return t.scansIn(ListKeys.deltaRange(b("l"))).size();
            });
            assertEquals(1, scans);
            assertEquals(List.of("b", "c", "d"), f.range("l"));
        }
    }

    @Test
    void ownDeleteForgetsTheResolvedMeta() {
        try (DataFixture f = new DataFixture(dir, cfg.delta(64))) {
            f.push("l", End.RIGHT, "a", "b", "c");
            List<Long> lens = f.run(t -> {
                long before = f.lists().length(t, b("l"));
                f.lists().delete(t, b("l"));
                long afterDel = f.lists().length(t, b("l"));
                f.lists().push(t, b("l"), End.RIGHT, bytesList("x"));
                return List.of(before, afterDel, f.lists().length(t, b("l")));
            });
            assertEquals(List.of(3L, 0L, 1L), lens);
            assertEquals(List.of("x"), f.range("l"));
            // the same through commands inside one transaction, as MULTI/EXEC runs them
            Reply r = f.run(t -> {
                f.commands.get("llen").handler().execute(t, List.of(b("LLEN"), b("l")));
                f.commands.get("set").handler().execute(t, List.of(b("SET"), b("l"), b("s")));
                f.commands.get("del").handler().execute(t, List.of(b("DEL"), b("l")));
                f.commands.get("rpush").handler().execute(t, List.of(b("RPUSH"), b("l"), b("y")));
                return f.commands.get("llen").handler().execute(t, List.of(b("LLEN"), b("l")));
            });
            assertEquals(new Reply.Int(1), r);
            assertEquals(List.of("y"), f.range("l"));
        }
    }

    @Test
    void aTrackedReadAfterAnUntrackedPushStillRegistersTheDeltas() {
        try (DataFixture f = new DataFixture(dir, cfg.delta(64))) {
            f.push("l", End.RIGHT, "a");
            // the push resolves untracked; the LLEN after it must still conflict with a concurrent LPUSH
            // (which touches neither the pushed item nor the claim the push tracks)
            int n = FoldMarkTest.attempts(f, t -> {
                f.lists().push(t, b("l"), End.RIGHT, bytesList("r"));
                f.lists().length(t, b("l"));
            }, () -> f.push("l", End.LEFT, "L"));
            assertEquals(2, n);
            assertEquals(List.of("L", "a", "r"), f.range("l"));
        }
    }

    @Test
    void eachTransactionResolvesAtItsOwnSnapshot() {
        try (DataFixture f = new DataFixture(dir, cfg.delta(64))) {
            f.push("l", End.RIGHT, "a");
            assertEquals(1, f.len("l"));
            f.push("l", End.RIGHT, "b");
            assertEquals(2, f.len("l"));
        }
    }
}
