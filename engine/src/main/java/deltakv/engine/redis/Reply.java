package deltakv.engine.redis;

import java.nio.charset.StandardCharsets;
import java.util.List;

/** A RESP2 reply, built by command handlers and written by the server. */
public sealed interface Reply {
    record Simple(String text) implements Reply {}

    /** {@code message} includes the error code prefix, e.g. "ERR wrong number of arguments for 'get' command". */
    record Error(String message) implements Reply {}

    record Int(long value) implements Reply {}

    record Bulk(byte[] bytes) implements Reply {}

    record NullBulk() implements Reply {}

    record Array(List<Reply> items) implements Reply {}

    record NullArray() implements Reply {}

    Reply OK = new Simple("OK");
    Reply NULL_BULK = new NullBulk();
    Reply NULL_ARRAY = new NullArray();
    Reply WRONGTYPE = new Error("WRONGTYPE Operation against a key holding the wrong kind of value");
    Reply SYNTAX = new Error("ERR syntax error");
    Reply NOT_INTEGER = new Error("ERR value is not an integer or out of range");

    static Reply bulk(String s) {
        return new Bulk(s.getBytes(StandardCharsets.UTF_8));
    }

    static Reply error(String message) {
        return new Error(message);
    }
}
