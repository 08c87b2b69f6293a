package deltakv.engine.redis.admin;

import deltakv.engine.redis.Reply;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Admin replies as flat [name, value, name, value …] arrays, like CONFIG GET, easy to parse. */
final class KeyValues {
    private final List<Reply> items = new ArrayList<>();

    KeyValues put(String name, String value) {
        items.add(Reply.bulk(name));
        items.add(value == null ? Reply.NULL_BULK : Reply.bulk(value));
        return this;
    }

    KeyValues put(String name, long value) {
        items.add(Reply.bulk(name));
        items.add(new Reply.Int(value));
        return this;
    }

    KeyValues putAll(String prefix, Map<String, Long> values) {
        values.forEach((k, v) -> put(prefix + k, v));
        return this;
    }

    Reply reply() {
        return new Reply.Array(List.copyOf(items));
    }
}
