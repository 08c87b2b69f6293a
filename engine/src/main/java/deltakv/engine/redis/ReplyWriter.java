package deltakv.engine.redis;

import io.netty.buffer.Unpooled;
import io.netty.handler.codec.redis.ArrayRedisMessage;
import io.netty.handler.codec.redis.ErrorRedisMessage;
import io.netty.handler.codec.redis.FullBulkStringRedisMessage;
import io.netty.handler.codec.redis.IntegerRedisMessage;
import io.netty.handler.codec.redis.RedisMessage;
import io.netty.handler.codec.redis.SimpleStringRedisMessage;
import java.util.ArrayList;
import java.util.List;

/** Maps our {@link Reply} values onto Netty's RESP messages for the encoder. */
public final class ReplyWriter {
    private ReplyWriter() {}

    public static RedisMessage toMessage(Reply reply) {
        // Java 17: no pattern switch yet, so an instanceof chain over the sealed cases.
        if (reply instanceof Reply.Simple s) return new SimpleStringRedisMessage(CommandErrors.sanitize(s.text()));
        if (reply instanceof Reply.Error e) return new ErrorRedisMessage(CommandErrors.sanitize(e.message()));
        if (reply instanceof Reply.Int i) return new IntegerRedisMessage(i.value());
        if (reply instanceof Reply.Bulk b) return new FullBulkStringRedisMessage(Unpooled.wrappedBuffer(b.bytes()));
        if (reply instanceof Reply.NullBulk) return FullBulkStringRedisMessage.NULL_INSTANCE;
        if (reply instanceof Reply.Array a) return array(a.items());
        return ArrayRedisMessage.NULL_INSTANCE;
    }

    private static RedisMessage array(List<Reply> items) {
        if (items.isEmpty()) return ArrayRedisMessage.EMPTY_INSTANCE;
        List<RedisMessage> children = new ArrayList<>(items.size());
        for (Reply r : items) children.add(toMessage(r));
        return new ArrayRedisMessage(children);
    }
}
