package deltakv.checker.jepsen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import deltakv.checker.CheckResult;
import deltakv.checker.Validity;
import deltakv.checker.history.Keyword;
import deltakv.checker.history.Op;
import deltakv.checker.history.OpType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Jepsen's independent checker: the counter per key; one bad key makes the run invalid and is named. */
class PerKeyTest {
    private final List<Op> ops = new ArrayList<>();

    private void op(OpType type, long process, String f, Object value, Object key) {
        ops.add(new Op(ops.size(), ops.size(), type, process, f, value, null, Map.of(Keyword.of("key"), key)));
    }

    @Test
    void eachKeyIsItsOwnCounter() {
        op(OpType.INVOKE, 0, "add", 3L, 1L);
        op(OpType.OK, 0, "add", 3L, 1L);
        op(OpType.INVOKE, 1, "add", 4L, 2L);
        op(OpType.OK, 1, "add", 4L, 2L);
        op(OpType.INVOKE, 0, "read", null, 1L);
        op(OpType.OK, 0, "read", 3L, 1L); // key 1 alone: 3, not 7
        op(OpType.INVOKE, 1, "read", null, 2L);
        op(OpType.OK, 1, "read", 4L, 2L);
        CheckResult valid = new PerKey(new CounterChecker()).check(ops);
        assertEquals(Validity.TRUE, valid.valid(), valid.explanation());
        op(OpType.INVOKE, 2, "read", null, 2L);
        op(OpType.OK, 2, "read", 9L, 2L); // more than was ever added to key 2
        CheckResult invalid = new PerKey(new CounterChecker()).check(ops);
        assertEquals(Validity.FALSE, invalid.valid());
        assertEquals(List.of(2L), invalid.toData().get("failures"));
        assertTrue(invalid.explanation().startsWith("key 2:"), invalid.explanation());
    }
}
