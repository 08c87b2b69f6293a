package deltakv.runner.history;

import deltakv.checker.history.EdnPrinter;
import deltakv.checker.history.Keyword;
import deltakv.checker.history.Op;
import deltakv.checker.history.OpType;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The run's history, streamed to {@code history.edn} as ops happen (HARNESS.md §2). {@code :index} and
 * {@code :time} are assigned under one lock, in the order ops are appended, so the file's order is the
 * real order of events. A writer thread formats and writes; it flushes whenever it has caught up, so a
 * killed harness leaves everything but, at most, a torn last line. Counts per type feed the progress line.
 */
public final class HistoryLog implements AutoCloseable {
    public static final Keyword KEY = Keyword.of("key");
    public static final Keyword NODE = Keyword.of("node");
    public static final Keyword NEMESIS = Keyword.of("nemesis");

    private final long startNanos;
    private final BufferedWriter out;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition pending = lock.newCondition();
    private List<Op> queue = new ArrayList<>();
    private long nextIndex;
    private boolean closed;
    private IOException failure;
    private final Thread writer;
    /** Completions so far by type: ok, fail, info. */
    private final AtomicLongArray counts = new AtomicLongArray(3);

    public HistoryLog(Path file, long startNanos) throws IOException {
        this.startNanos = startNanos;
        this.out = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
        this.writer = new Thread(this::writeLoop, "history-writer");
        writer.setDaemon(true);
        writer.start();
    }

    /** Nanoseconds since the run started (the history's {@code :time}). */
    public long now() {
        return System.nanoTime() - startNanos;
    }

    /** Appends a client invoke. */
    public Op invoke(long process, String f, Object value, Object key, String node) {
        return append(OpType.INVOKE, process, f, value, null, key, node);
    }

    /** Appends a client completion. */
    public Op complete(OpType type, long process, String f, Object value, String error, Object key, String node) {
        counts.incrementAndGet(type == OpType.OK ? 0 : type == OpType.FAIL ? 1 : 2);
        return append(type, process, f, value, error, key, node);
    }

    /** Appends a nemesis op ({@code :process :nemesis}, always {@code :info}, as Jepsen records faults). */
    public Op nemesis(String f, Object value) {
        return append(OpType.INFO, NEMESIS, f, value, null, null, null);
    }

    private Op append(OpType type, Object process, String f, Object value, String error, Object key, String node) {
        Map<Object, Object> extra = new LinkedHashMap<>(4);
        if (key != null) extra.put(KEY, key);
        if (node != null) extra.put(NODE, node);
        lock.lock();
        try {
            if (closed) throw new IllegalStateException("history is closed");
            Op op = new Op(nextIndex++, now(), type, process, f, value, error, extra);
            queue.add(op);
            if (queue.size() == 1) pending.signal();
            return op;
        } finally {
            lock.unlock();
        }
    }

    public long ok() {
        return counts.get(0);
    }

    public long failed() {
        return counts.get(1);
    }

    public long info() {
        return counts.get(2);
    }

    private void writeLoop() {
        while (true) {
            List<Op> batch;
            boolean last;
            lock.lock();
            try {
                while (queue.isEmpty() && !closed) pending.awaitUninterruptibly();
                batch = queue;
                queue = new ArrayList<>();
                last = closed;
            } finally {
                lock.unlock();
            }
            try {
                for (Op op : batch) {
                    out.write(EdnPrinter.printOp(op));
                    out.write('\n');
                }
                out.flush(); // caught up: what happened so far is on disk (not fsynced)
            } catch (IOException e) {
                failure = e;
                return;
            }
            if (last && batch.isEmpty()) return;
        }
    }

    /** Writes what is queued, then closes the file. */
    @Override
    public void close() throws IOException {
        lock.lock();
        try {
            if (closed) return;
            closed = true;
            pending.signal();
        } finally {
            lock.unlock();
        }
        try {
            writer.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        out.close();
        if (failure != null) throw failure;
    }

    /** Throws if the writer has failed (a full disk must stop the run, not lose the history silently). */
    public void checkHealthy() {
        if (failure != null) throw new UncheckedIOException("cannot write the history: " + failure.getMessage(), failure);
    }
}
