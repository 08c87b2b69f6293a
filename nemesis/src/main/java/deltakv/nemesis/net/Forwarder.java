package deltakv.nemesis.net;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.util.ReferenceCountUtil;
import java.util.ArrayDeque;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * One direction of a proxied connection: reads chunks from {@code in} and writes them to {@code out} in order,
 * each at its release time (now, or later when the link is slowed). While the link is cut it holds every
 * chunk — and the closing of {@code in}, if that happens — and stops reading, so the kernel buffers fill and
 * the sender stalls as if packets were lost; nothing is ever dropped, and healing resumes the stream intact.
 * Runs on the connection's event loop only.
 */
final class Forwarder extends ChannelInboundHandlerAdapter {
    /** Stop reading once this much is queued (a slow link must push back, not buffer without bound). */
    private static final long HIGH_WATER = 1 << 20;

    private final Link link;
    private final ArrayDeque<Chunk> queue = new ArrayDeque<>();
    private Channel in;
    private Channel out;
    private Forwarder reverse;
    private long queuedBytes;
    private long lastRelease;
    private ScheduledFuture<?> wakeUp;
    private boolean outClosed;

    /** A chunk of bytes, or (buf null) the end of the stream, due at {@code release} (System.nanoTime). */
    private record Chunk(ByteBuf buf, long release) {}

    Forwarder(Link link) {
        this.link = link;
    }

    /** Wires the directions together once both channels exist. */
    void connect(Channel in, Channel out, Forwarder reverse) {
        this.in = in;
        this.out = out;
        this.reverse = reverse;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (!(msg instanceof ByteBuf buf) || out == null) {
            ReferenceCountUtil.release(msg);
            return;
        }
        int n = buf.readableBytes();
        queuedBytes += n;
        queue.add(new Chunk(buf, releaseTime(n)));
        drain();
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        queue.add(new Chunk(null, Math.max(System.nanoTime(), lastRelease)));
        drain();
        ctx.fireChannelInactive();
    }

    @Override
    public void channelWritabilityChanged(ChannelHandlerContext ctx) {
        // This channel is the other direction's output: it may go on.
        if (reverse != null) reverse.kick();
        ctx.fireChannelWritabilityChanged();
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        ctx.close(); // a reset from one side: channelInactive passes the end on, in order
    }

    /** The link's faults changed, or the output became writable: forward what is due, adjust reading. */
    void kick() {
        if (in == null) return;
        drain();
    }

    private long releaseTime(int bytes) {
        LinkFaults f = link.faults();
        long now = System.nanoTime();
        if (f.passes()) return lastRelease = Math.max(now, lastRelease);
        long t = now + TimeUnit.MILLISECONDS.toNanos(f.delayMillis());
        if (f.jitterMillis() > 0) {
            t += TimeUnit.MILLISECONDS.toNanos(ThreadLocalRandom.current().nextLong(-f.jitterMillis(), f.jitterMillis() + 1));
        }
        t = Math.max(t, lastRelease); // never reorder
        if (f.bytesPerSecond() > 0) t += bytes * 1_000_000_000L / f.bytesPerSecond();
        return lastRelease = t;
    }

    private void wakeUp() {
        wakeUp = null;
        drain();
    }

    private void drain() {
        boolean wrote = false;
        while (!queue.isEmpty() && !outClosed) {
            if (link.faults().cut() || !out.isWritable()) break;
            Chunk c = queue.peek();
            long wait = c.release() - System.nanoTime();
            if (wait > 0) {
                if (wakeUp == null) wakeUp = in.eventLoop().schedule(this::wakeUp, wait, TimeUnit.NANOSECONDS);
                break;
            }
            queue.poll();
            if (c.buf() == null) {
                outClosed = true;
                out.writeAndFlush(Unpooled.EMPTY_BUFFER).addListener(ChannelFutureListener.CLOSE);
                break;
            }
            int n = c.buf().readableBytes();
            queuedBytes -= n;
            link.forwarded(n);
            out.write(c.buf());
            wrote = true;
        }
        if (wrote) out.flush();
        if (outClosed) releaseQueued();
        boolean read = !outClosed && !link.faults().cut() && queuedBytes < HIGH_WATER && out.isWritable();
        if (in.isActive() && in.config().isAutoRead() != read) in.config().setAutoRead(read);
    }

    private void releaseQueued() {
        for (Chunk c : queue) if (c.buf() != null) c.buf().release();
        queue.clear();
        queuedBytes = 0;
    }
}
