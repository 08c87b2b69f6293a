package deltakv.runner.exec;

import deltakv.checker.history.OpType;
import deltakv.runner.history.HistoryLog;
import deltakv.workloads.Client;
import deltakv.workloads.Completion;
import deltakv.workloads.Invocation;
import deltakv.workloads.OpGenerator;
import java.util.Random;
import java.util.Set;
import java.util.function.Supplier;

/**
 * One client thread of the main phase: draws the next op from its generator, records the invoke, runs it
 * on its connection and records the completion (HARNESS.md §2). After an {@code :info} it takes a fresh
 * process number ({@code process + workers}: a process has at most one op outstanding, and this one may
 * still be in flight); when its node cannot be reached it moves to the next node.
 */
final class Worker implements Runnable {
    private static final long UNREACHABLE_BACKOFF_NANOS = 50_000_000L;
    private final int worker;
    private final int workers;
    private final OpGenerator generator;
    private final Nodes nodes;
    private final HistoryLog history;
    private final Pacer pacer;
    private final long deadlineNanos;
    private final Supplier<Boolean> stopped;
    private final Set<Object> keysUsed;
    private long process;

    Worker(int worker, int workers, OpGenerator generator, Nodes nodes, HistoryLog history, double rate,
           Random pacing, long deadlineNanos, Supplier<Boolean> stopped, Set<Object> keysUsed) {
        this.worker = worker;
        this.workers = workers;
        this.generator = generator;
        this.nodes = nodes;
        this.history = history;
        this.pacer = new Pacer(rate, workers, pacing);
        this.deadlineNanos = deadlineNanos;
        this.stopped = stopped;
        this.keysUsed = keysUsed;
        this.process = worker;
    }

    /** The last process number this worker used. */
    long process() {
        return process;
    }

    @Override
    public void run() {
        int node = worker % nodes.size(); // spread round-robin
        long[] opCount = new long[1];
        Client client = nodes.open(node, opCount);
        try {
            while (!stopped.get() && System.nanoTime() < deadlineNanos) {
                pacer.await(deadlineNanos);
                if (stopped.get() || System.nanoTime() >= deadlineNanos) break;
                Invocation op = generator.next();
                if (op.key() != null) keysUsed.add(op.key());
                String name = nodes.name(node);
                history.invoke(process, op.f(), op.value(), op.key(), name);
                Completion c = client.invoke(op);
                history.complete(c.type(), process, op.f(), c.value(), c.error(), op.key(), name);
                if (c.type() == OpType.INFO) process += workers;
                if (client.unreachable()) {
                    if (nodes.size() > 1) {
                        client.close();
                        node = (node + 1) % nodes.size();
                        client = nodes.open(node, opCount);
                    }
                    // With every node down (a kill of all), an unpaced worker would spin on refused connects.
                    java.util.concurrent.locks.LockSupport.parkNanos(UNREACHABLE_BACKOFF_NANOS);
                }
            }
        } finally {
            client.close();
        }
    }
}
