package deltakv.engine.raft;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/**
 * Linearizable read timestamps, shared between concurrent callers. Each round is one ReadIndex
 * query; a caller joins the next round that starts after it arrived (a round already in flight may
 * have been served before a write the caller must see), so under load one query serves many reads.
 */
final class ReadBarrier {
    private static final long RETRY_PAUSE_MS = 50;

    private final Supplier<CompletableFuture<Long>> query;
    private final java.util.concurrent.Executor callbacks = java.util.concurrent.Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "read-barrier");
        t.setDaemon(true);
        return t;
    });
    private final AppliedWatermark local;
    private final long timeoutMillis;
    private CompletableFuture<Long> next;
    private boolean inFlight;

    private final ReplicationStats stats;
    private final LeadershipWindow window;

    ReadBarrier(Supplier<CompletableFuture<Long>> query, AppliedWatermark local, long timeoutMillis,
                ReplicationStats stats, LeadershipWindow window) {
        this.stats = stats;
        this.window = window;
        this.query = query;
        this.local = local;
        this.timeoutMillis = timeoutMillis;
    }

    /** Retries failed rounds (no leader yet, election) until the timeout, then gives up retryably. */
    long await() {
        if (confirmedByWindow()) return local.current();
        long deadline = System.nanoTime() + timeoutMillis * 1_000_000L;
        Throwable last = null;
        try {
            while (System.nanoTime() < deadline) {
                CompletableFuture<Long> f = join();
                try {
                    long ts = f.get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                    long left = Math.max(1, (deadline - System.nanoTime()) / 1_000_000L);
                    if (!local.awaitAtLeast(ts, left)) {
                        throw new ClusterUnavailableException("TRYAGAIN this node is behind the leader", null);
                    }
                    return ts;
                } catch (ExecutionException e) {
                    last = e.getCause();
                    Thread.sleep(RETRY_PAUSE_MS);
                }
            }
        } catch (TimeoutException e) {
            last = e;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ClusterUnavailableException("TRYAGAIN interrupted", e);
        }
        throw new ClusterUnavailableException("TRYAGAIN no leader confirmed a read within " + timeoutMillis + " ms"
                + (last == null ? "" : " (" + rootMessage(last) + ")"), last);
    }

    /**
     * {@link #await} without blocking: continues on the thread that completes the round (or the
     * local apply), so one round resumes all its callers in one pass. Same retries and errors.
     */
    CompletableFuture<Long> awaitAsync() {
        if (confirmedByWindow()) return CompletableFuture.completedFuture(local.current());
        CompletableFuture<Long> out = new CompletableFuture<>();
        attemptAsync(System.nanoTime() + timeoutMillis * 1_000_000L, null, out);
        return out;
    }

    // Rounds time out by themselves (see launch), so a caller needs no timer of its own for them.
    private void attemptAsync(long deadline, Throwable last, CompletableFuture<Long> out) {
        if (System.nanoTime() >= deadline) {
            out.completeExceptionally(new ClusterUnavailableException("TRYAGAIN no leader confirmed a read within "
                    + timeoutMillis + " ms" + (last == null ? "" : " (" + rootMessage(last) + ")"), last));
            return;
        }
        join().whenComplete((ts, err) -> {
            if (err != null) {
                CompletableFuture.delayedExecutor(RETRY_PAUSE_MS, TimeUnit.MILLISECONDS, Runnable::run)
                        .execute(() -> attemptAsync(deadline, err, out));
                return;
            }
            CompletableFuture<Long> applied = local.atLeast(ts);
            if (!applied.isDone()) {
                long left = Math.max(1, deadline - System.nanoTime());
                applied = applied.copy().orTimeout(left, TimeUnit.NANOSECONDS);
            }
            applied.whenComplete((t, late) -> {
                if (late == null) out.complete(ts);
                else out.completeExceptionally(new ClusterUnavailableException("TRYAGAIN this node is behind the leader", null));
            });
        });
    }

    /**
     * Whether a recent round still confirms this node's leadership ({@link LeadershipWindow}); then the
     * local applied watermark is a linearizable read point. Starts the next round early, in the
     * background, so a steady stream of reads never waits for one.
     */
    private boolean confirmedByWindow() {
        if (!window.open()) return false;
        if (window.closingSoon()) {
            synchronized (this) {
                if (!inFlight) join();
            }
        }
        stats.windowReads.incrementAndGet();
        return true;
    }

    private synchronized CompletableFuture<Long> join() {
        if (next == null) next = new CompletableFuture<>();
        CompletableFuture<Long> f = next;
        if (!inFlight) launch();
        return f;
    }

    /** Must hold the lock. */
    private void launch() {
        CompletableFuture<Long> round = next;
        next = null;
        inFlight = true;
        CompletableFuture<Long> q;
        long started = System.nanoTime();
        long windowFrom = window.roundStarting();
        try {
            q = query.get().orTimeout(timeoutMillis, TimeUnit.MILLISECONDS);
        } catch (RuntimeException e) {
            q = CompletableFuture.failedFuture(e);
        }
        // Continue on our own thread: Ratis completes reads on its state-machine updater thread, and
        // starting the next round there (a call back into the server) would deadlock it.
        q.whenCompleteAsync((ts, err) -> {
            stats.readRounds.incrementAndGet();
            stats.readRoundNanos.addAndGet(System.nanoTime() - started);
            if (err == null) window.roundSucceeded(windowFrom);
            if (err != null) round.completeExceptionally(err);
            else round.complete(ts);
            synchronized (this) {
                inFlight = false;
                if (next != null) launch();
            }
        }, callbacks);
    }

    static String rootMessage(Throwable t) {
        while (t.getCause() != null && t.getCause() != t) t = t.getCause();
        return t.getClass().getSimpleName() + (t.getMessage() == null ? "" : ": " + t.getMessage());
    }
}
