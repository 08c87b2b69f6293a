package deltakv.workloads;

import static org.junit.jupiter.api.Assertions.assertEquals;

import deltakv.checker.Validity;
import deltakv.checker.history.Keyword;
import deltakv.checker.history.Op;
import deltakv.checker.history.OpType;
import deltakv.checker.jepsen.PerKey;
import deltakv.checker.jepsen.SetFullChecker;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What the set workload hands set-full: adds and reads up to each key's first DEL, removed members left out. */
class SetsTest {
    private final List<Op> h = new ArrayList<>();

    private void op(OpType type, long p, String f, Object value, long key) {
        h.add(new Op(h.size(), h.size() * 1000L, type, p, f, value, null, Map.of(Keyword.of("key"), key)));
    }

    private static List<Object> add(long e, Long reply) {
        return Arrays.asList(e, null, reply);
    }

    @Test
    void setFullSeesAddsAndReadsBeforeTheFirstDelWithoutRemovedMembers() {
        op(OpType.INVOKE, 0, "add", add(1, null), 7);
        op(OpType.OK, 0, "add", add(1, 1L), 7);
        op(OpType.INVOKE, 0, "add", add(2, null), 7);
        op(OpType.OK, 0, "add", add(2, 1L), 7);
        op(OpType.INVOKE, 1, "remove", Arrays.asList(2L, null), 7);
        op(OpType.OK, 1, "remove", Arrays.asList(2L, 1L), 7);
        op(OpType.INVOKE, 1, "read", null, 7);
        op(OpType.OK, 1, "read", List.of(1L), 7);
        op(OpType.INVOKE, 0, "del", null, 7);
        op(OpType.OK, 0, "del", 1L, 7);
        op(OpType.INVOKE, 1, "read", null, 7); // after the DEL: 1 is gone, which set-full would call lost
        op(OpType.OK, 1, "read", List.of(), 7);
        List<Op> seen = Sets.addsOnly(h);
        assertEquals(List.of("add", "add", "read", "read"), seen.stream().map(Op::f).toList());
        assertEquals(1L, seen.get(0).value());
        assertEquals(List.of(1L), seen.get(3).value());
        assertEquals(Validity.TRUE, new PerKey(new SetFullChecker()).check(seen).valid());
        // without the cut, the read after the DEL makes member 1 lost
        assertEquals(Validity.FALSE, new PerKey(new SetFullChecker()).check(withoutCut()).valid());
    }

    @Test
    void aKeyCutByItsDelBeforeAnyReadIsLeftOutRatherThanUnknown() {
        op(OpType.INVOKE, 0, "add", add(1, null), 7);
        op(OpType.OK, 0, "add", add(1, 1L), 7);
        op(OpType.INVOKE, 1, "read", null, 7);
        op(OpType.OK, 1, "read", List.of(1L), 7);
        op(OpType.INVOKE, 0, "add", add(5, null), 8);
        op(OpType.INVOKE, 1, "read", null, 8); // began before the add was acknowledged: proves nothing
        op(OpType.OK, 0, "add", add(5, 1L), 8);
        op(OpType.OK, 1, "read", List.of(), 8);
        op(OpType.INVOKE, 0, "del", null, 8); // and no read before the DEL cuts key 8
        op(OpType.OK, 0, "del", 1L, 8);
        List<Op> seen = Sets.addsOnly(h);
        assertEquals(List.of(7L, 7L, 7L, 7L), seen.stream().map(PerKey::key).toList());
        assertEquals(Validity.TRUE, new PerKey(new SetFullChecker()).check(seen).valid());
    }

    /** The same history in set-full's shape, every op kept. */
    private List<Op> withoutCut() {
        List<Op> out = new ArrayList<>();
        for (Op op : h) {
            if (!op.f().equals("add") && !op.f().equals("read")) continue;
            Object v = op.f().equals("add") ? ((List<?>) op.value()).get(0) : op.value();
            if (op.f().equals("add") && v.equals(2L)) continue;
            out.add(new Op(op.index(), op.time(), op.type(), op.process(), op.f(), v, null, op.extra()));
        }
        return out;
    }
}
