package deltakv.engine.redis;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;

/**
 * Netty's decoder buffers a length line ("*123…", "$456…") until it finds CRLF, without a limit, so
 * a client could grow that buffer forever. This handler, in front of the decoder, counts the bytes
 * received since the decoder last produced anything ({@link #progressed()}, called from behind it)
 * and refuses the connection past {@link #LIMIT}. Bulk payloads are emitted in chunks as they arrive,
 * so they never trip it.
 */
final class UnterminatedLineGuard extends ChannelInboundHandlerAdapter {
    /** Far above any header line and above Netty's 64 KB inline-command limit. */
    static final long LIMIT = 1024 * 1024;

    private long sinceProgress;

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (msg instanceof ByteBuf buf) sinceProgress += buf.readableBytes();
        ctx.fireChannelRead(msg); // runs the decoder, which may call progressed()
        if (sinceProgress > LIMIT) {
            sinceProgress = 0;
            ctx.fireExceptionCaught(new ProtocolErrors.Violation("too big mbulk count string"));
        }
    }

    /** The decoder emitted a message: everything received so far is accounted for. */
    void progressed() {
        sinceProgress = 0;
    }
}
