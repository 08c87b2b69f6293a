package deltakv.engine.redis;

import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one connection's tasks on a shared pool, one at a time and in submission order, so
 * pipelined replies come back in order while slow commands never block Netty's event loop.
 */
final class SerialExecutor {
    private static final Logger LOG = LoggerFactory.getLogger(SerialExecutor.class);
    /** Tasks run per turn before giving the pool thread to other connections. */
    private static final int TURN = 64;

    private final Executor pool;
    private final Runnable onDrained;
    private final Queue<Runnable> tasks = new ConcurrentLinkedQueue<>();
    private final AtomicInteger pending = new AtomicInteger();

    /** @param onDrained called after the last pending task ran, and at the end of every turn (flush point) */
    SerialExecutor(Executor pool, Runnable onDrained) {
        this.pool = pool;
        this.onDrained = onDrained;
    }

    void submit(Runnable task) {
        tasks.add(task);
        if (pending.getAndIncrement() == 0) schedule();
    }

    int pending() {
        return pending.get();
    }

    private void schedule() {
        try {
            pool.execute(this::drain);
        } catch (RejectedExecutionException e) {
            tasks.clear(); // server shutting down: the connection is closing anyway
        }
    }

    private void drain() {
        for (int i = 0; i < TURN; i++) {
            Runnable task = tasks.poll();
            try {
                if (task != null) task.run();
            } catch (Throwable t) {
                LOG.error("connection task failed", t);
            }
            if (pending.decrementAndGet() == 0) {
                onDrained.run();
                return;
            }
        }
        onDrained.run();
        schedule();
    }
}
