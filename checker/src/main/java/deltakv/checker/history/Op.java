package deltakv.checker.history;

import java.util.Map;

/**
 * One history operation, Jepsen style. Values use plain Java types: {@code Long} integers, {@code Double},
 * {@code String}, {@link Keyword}, {@code Boolean}, {@code null} for nil, {@code java.util.List} for vectors
 * and lists, {@code java.util.Map} for maps, {@code java.util.Set} for sets.
 *
 * @param index   position in the history (0-based, assigned by the reader when the file has none)
 * @param time    nanoseconds, -1 when absent
 * @param type    invoke/ok/fail/info
 * @param process a {@code Long} for clients, or e.g. {@code Keyword(nemesis)}
 * @param f       the function name without colon, e.g. "txn", "read", "cas"
 * @param value   the value (for transactions: a list of micro-ops {@code [f k v]})
 * @param error   the :error field or null
 * @param extra   every other field, kept for round-tripping (keys as read)
 */
public record Op(long index, long time, OpType type, Object process, String f, Object value, Object error,
                 Map<Object, Object> extra) {
}
