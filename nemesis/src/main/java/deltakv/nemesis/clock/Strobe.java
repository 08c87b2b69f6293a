package deltakv.nemesis.clock;

import deltakv.nemesis.cluster.ClusterControl;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A clock strobe in progress: a thread flips the nodes' offsets between {@code shift} and 0 every
 * {@code period} ms until stopped (whoever stops it resets the clocks). A node that does not answer is
 * skipped for that flip (it may be paused or killed by another fault). {@link #flips} counts the changes
 * after the first shift.
 */
final class Strobe {
    private final Thread thread;
    private final AtomicLong flips = new AtomicLong();
    private volatile boolean stopped;

    private Strobe(ClusterControl cluster, List<String> nodes, long shift, long period) {
        thread = new Thread(() -> {
            boolean shifted = true; // start() shifted them
            while (!stopped) {
                try {
                    Thread.sleep(period);
                } catch (InterruptedException e) {
                    break;
                }
                shifted = !shifted;
                set(cluster, nodes, shifted ? shift : 0);
                flips.incrementAndGet();
            }
        }, "clock-strobe");
        thread.setDaemon(true);
    }

    static Strobe start(ClusterControl cluster, List<String> nodes, long shift, long period) {
        Strobe s = new Strobe(cluster, nodes, shift, period);
        s.set(cluster, nodes, shift); // shifted already when the start is recorded
        s.thread.start();
        return s;
    }

    long flips() {
        return flips.get();
    }

    void stop() throws InterruptedException {
        stopped = true;
        thread.interrupt();
        thread.join();
    }

    private void set(ClusterControl cluster, List<String> nodes, long offset) {
        for (String n : nodes) {
            try {
                cluster.setClockOffset(n, offset);
            } catch (IOException | RuntimeException e) {
                // skipped this flip
            }
        }
    }
}
