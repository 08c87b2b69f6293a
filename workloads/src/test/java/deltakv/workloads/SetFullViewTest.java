package deltakv.workloads;

import static org.junit.jupiter.api.Assertions.assertEquals;

import deltakv.checker.CheckOptions;
import deltakv.checker.Validity;
import deltakv.checker.history.Keyword;
import deltakv.checker.history.Op;
import deltakv.checker.history.OpType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** set-full over hashes (element = field) and sorted sets (element = member): a field or member lost must fail. */
class SetFullViewTest {
    private final List<Op> h = new ArrayList<>();

    private void op(OpType type, long p, String f, Object value) {
        h.add(new Op(h.size(), h.size() * 1000L, type, p, f, value, null, Map.of(Keyword.of("key"), 3L)));
    }

    private static Map<Object, Object> hash(long... fieldValue) {
        Map<Object, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < fieldValue.length; i += 2) m.put(fieldValue[i], fieldValue[i + 1]);
        return m;
    }

    /** HSET 1 and 2 acknowledged, HDEL 2, then a read: field 1 must be there; field 2 is the model's business. */
    private void hashHistory(Map<Object, Object> lastRead) {
        op(OpType.INVOKE, 0, "add", Arrays.asList(1L, 100L));
        op(OpType.OK, 0, "add", Arrays.asList(1L, 100L, 1L));
        op(OpType.INVOKE, 0, "add", Arrays.asList(2L, 101L));
        op(OpType.OK, 0, "add", Arrays.asList(2L, 101L, 1L));
        op(OpType.INVOKE, 1, "add", Arrays.asList(1L, 102L)); // an update of field 1: still present
        op(OpType.OK, 1, "add", Arrays.asList(1L, 102L, 0L));
        op(OpType.INVOKE, 1, "remove", Arrays.asList(2L, null));
        op(OpType.OK, 1, "remove", Arrays.asList(2L, 1L));
        op(OpType.INVOKE, 0, "read", null);
        op(OpType.OK, 0, "read", lastRead);
    }

    private Validity check(java.util.function.Function<Object, List<?>> elements) {
        return SetFullView.checker(CheckOptions.defaults(), elements).check(h).valid();
    }

    @Test
    void aHashFieldAcknowledgedAndNeverDeletedMustBeRead() {
        hashHistory(hash(1, 102));
        assertEquals(Validity.TRUE, check(Hashes::fields));
    }

    @Test
    void aHashFieldMissingFromALaterReadIsLost() {
        hashHistory(hash(2, 101)); // field 1 gone, and the removed field 2 does not count for it
        assertEquals(Validity.FALSE, check(Hashes::fields));
    }

    /** Found in review: a field added again right before its key's DEL must not leave set-full without a read. */
    @Test
    void aFieldAddedAgainJustBeforeTheDelIsStillJudgedByTheReadsBetween() {
        op(OpType.INVOKE, 0, "add", Arrays.asList(1L, 100L));
        op(OpType.OK, 0, "add", Arrays.asList(1L, 100L, 1L));
        op(OpType.INVOKE, 1, "read", null);
        op(OpType.OK, 1, "read", hash(1, 100));
        op(OpType.INVOKE, 0, "add", Arrays.asList(1L, 103L));
        op(OpType.OK, 0, "add", Arrays.asList(1L, 103L, 0L));
        op(OpType.INVOKE, 0, "del", null);
        op(OpType.OK, 0, "del", 1L);
        assertEquals(Validity.TRUE, check(Hashes::fields));
    }

    @Test
    void aSortedSetMemberMissingFromALaterReadIsLostAndScoresDoNotMatter() {
        op(OpType.INVOKE, 0, "add", Arrays.asList(5L, 10L));
        op(OpType.OK, 0, "add", Arrays.asList(5L, 10L, 1L));
        op(OpType.INVOKE, 1, "add", Arrays.asList(5L, 20L));
        op(OpType.OK, 1, "add", Arrays.asList(5L, 20L, 0L));
        op(OpType.INVOKE, 0, "read", null);
        op(OpType.OK, 0, "read", List.of(List.of(5L, 20L)));
        assertEquals(Validity.TRUE, check(SortedSets::members));
        op(OpType.INVOKE, 0, "read", null);
        op(OpType.OK, 0, "read", List.of());
        assertEquals(Validity.FALSE, check(SortedSets::members));
    }
}
