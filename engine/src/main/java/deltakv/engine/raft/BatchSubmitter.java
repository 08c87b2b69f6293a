package deltakv.engine.raft;

import deltakv.engine.txn.ApplyResult;
import deltakv.engine.txn.OperationGroup;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * Groups queued commits into log entries. One thread waits for a free in-flight slot, then takes
 * everything queued (up to the batch limit): while earlier batches are in flight, new commits pile up
 * and leave together, so batch size grows with load and a lone commit is never delayed.
 *
 * <p>Linger: closed-loop clients whose commits left in the previous batch come back shortly after
 * its reply. When fewer commits are queued than that batch carried, the submitter waits up to
 * {@code lingerNanos} for them (but no longer than a tenth of that between two arrivals), so one
 * entry carries them all instead of two half-full entries each paying the per-entry cost (gRPC to
 * every follower, log write, apply call). A lone client's previous batch had one group, so it never waits.
 */
final class BatchSubmitter implements AutoCloseable {
    /**
     * Lingering also ends after linger/{@value} without a new commit. Why: one extra commit in a batch
     * (a compaction, a retry) raises the count the next batch waits for, and it would otherwise wait
     * the whole linger for a commit that is not coming.
     */
    private static final int GAP_FRACTION = 10;

    private record Pending(OperationGroup group, CompletableFuture<ApplyResult> result) {}

    private final LinkedBlockingQueue<Pending> queue = new LinkedBlockingQueue<>();
    private final Function<byte[], CompletableFuture<byte[]>> send;
    private final Semaphore inFlight;
    private final int maxBatch;
    private final long lingerNanos;
    private int lastBatch;
    private volatile long lastReply = System.nanoTime();
    private final ReplicationStats stats;
    private final Thread thread;
    private volatile boolean closed;

    BatchSubmitter(Function<byte[], CompletableFuture<byte[]>> send, int maxInFlight, int maxBatch,
                   ReplicationStats stats, String name) {
        this(send, maxInFlight, maxBatch, 0, stats, name);
    }

    BatchSubmitter(Function<byte[], CompletableFuture<byte[]>> send, int maxInFlight, int maxBatch, long lingerNanos,
                   ReplicationStats stats, String name) {
        this.send = send;
        this.lingerNanos = lingerNanos;
        this.inFlight = new Semaphore(maxInFlight);
        this.maxBatch = maxBatch;
        this.stats = stats;
        this.thread = new Thread(this::run, "batch-submitter-" + name);
        this.thread.setDaemon(true);
        this.thread.start();
    }

    CompletableFuture<ApplyResult> submit(OperationGroup g) {
        CompletableFuture<ApplyResult> f = new CompletableFuture<>();
        if (closed) {
            f.completeExceptionally(new ClusterUnavailableException("TRYAGAIN node is shutting down", null));
        } else {
            queue.add(new Pending(g, f));
            if (closed) failAll(queue); // close() may have drained the queue just before the add
        }
        return f;
    }

    private void run() {
        List<Pending> batch = new ArrayList<>();
        try {
            while (!closed) {
                Pending first = queue.poll(100, TimeUnit.MILLISECONDS);
                if (first == null) continue;
                batch = new ArrayList<>();
                batch.add(first);
                long arrived = System.nanoTime();
                inFlight.acquire();
                long lingerFrom = System.nanoTime();
                stats.batchIdleNanos.addAndGet(Math.max(0, arrived - lastReply));
                queue.drainTo(batch, maxBatch - 1);
                linger(batch);
                stats.batchLingerNanos.addAndGet(System.nanoTime() - lingerFrom);
                lastBatch = batch.size();
                List<Pending> sending = batch;
                batch = new ArrayList<>();
                sendBatch(sending);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        failAll(batch); // taken from the queue but never sent (interrupted while waiting)
        failAll(queue);
    }

    private void linger(List<Pending> batch) throws InterruptedException {
        if (lingerNanos <= 0) return;
        long deadline = System.nanoTime() + lingerNanos;
        long gap = Math.max(1, lingerNanos / GAP_FRACTION);
        int want = Math.min(lastBatch, maxBatch);
        while (batch.size() < want) {
            long left = deadline - System.nanoTime();
            if (left <= 0) return;
            Pending p = queue.poll(Math.min(left, gap), TimeUnit.NANOSECONDS);
            if (p == null) return; // the stream of returning commits dried up: the rest are not coming soon
            batch.add(p);
            queue.drainTo(batch, maxBatch - batch.size());
        }
    }

    private void sendBatch(List<Pending> batch) {
        List<OperationGroup> groups = new ArrayList<>(batch.size());
        for (Pending p : batch) groups.add(p.group());
        stats.batchesSubmitted.incrementAndGet();
        stats.groupsSubmitted.addAndGet(batch.size());
        CompletableFuture<byte[]> reply;
        long sent = System.nanoTime();
        try {
            reply = send.apply(BatchCodec.encode(groups));
        } catch (RuntimeException e) {
            reply = CompletableFuture.failedFuture(e);
        }
        reply.whenComplete((bytes, err) -> {
            long now = System.nanoTime();
            stats.batchRoundNanos.addAndGet(now - sent);
            lastReply = now;
            inFlight.release();
            complete(batch, bytes, err);
        });
    }

    private static void complete(List<Pending> batch, byte[] bytes, Throwable err) {
        List<ApplyResult> results = null;
        if (err == null) {
            try {
                results = ResultCodec.decode(bytes);
                if (results.size() != batch.size()) {
                    err = new IllegalStateException(results.size() + " results for " + batch.size() + " groups");
                }
            } catch (RuntimeException e) {
                err = e;
            }
        }
        for (int i = 0; i < batch.size(); i++) {
            if (err != null) batch.get(i).result().completeExceptionally(err);
            else batch.get(i).result().complete(results.get(i));
        }
    }

    private static void failAll(java.util.Collection<Pending> pending) {
        for (java.util.Iterator<Pending> it = pending.iterator(); it.hasNext(); ) {
            Pending p = it.next();
            it.remove();
            p.result().completeExceptionally(new ClusterUnavailableException("TRYAGAIN node is shutting down", null));
        }
    }

    @Override
    public void close() {
        closed = true;
        thread.interrupt();
        try {
            thread.join(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        failAll(queue);
    }
}
