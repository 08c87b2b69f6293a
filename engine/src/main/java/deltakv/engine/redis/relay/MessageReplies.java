package deltakv.engine.redis.relay;

import deltakv.engine.redis.Reply;
import io.netty.buffer.ByteBufUtil;
import io.netty.handler.codec.redis.ArrayRedisMessage;
import io.netty.handler.codec.redis.ErrorRedisMessage;
import io.netty.handler.codec.redis.FullBulkStringRedisMessage;
import io.netty.handler.codec.redis.IntegerRedisMessage;
import io.netty.handler.codec.redis.RedisMessage;
import io.netty.handler.codec.redis.SimpleStringRedisMessage;
import java.util.ArrayList;
import java.util.List;

/** Turns a reply decoded from the leader back into our {@link Reply}, so the client gets it unchanged. */
final class MessageReplies {
    private MessageReplies() {}

    static Reply toReply(RedisMessage m) {
        if (m instanceof SimpleStringRedisMessage s) return new Reply.Simple(s.content());
        if (m instanceof ErrorRedisMessage e) return new Reply.Error(e.content());
        if (m instanceof IntegerRedisMessage i) return new Reply.Int(i.value());
        if (m instanceof FullBulkStringRedisMessage b) {
            return b.isNull() ? Reply.NULL_BULK : new Reply.Bulk(ByteBufUtil.getBytes(b.content()));
        }
        if (m instanceof ArrayRedisMessage a) {
            if (a.isNull()) return Reply.NULL_ARRAY;
            List<Reply> items = new ArrayList<>(a.children().size());
            for (RedisMessage child : a.children()) items.add(toReply(child));
            return new Reply.Array(items);
        }
        return Reply.error("ERR unexpected reply type from the leader: " + m.getClass().getSimpleName());
    }
}
