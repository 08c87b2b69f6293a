package deltakv.nemesis.cluster;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Recovery's "undo on every node": a node that does not answer yet (restarting, just resumed) is retried
 * until {@code patience} has passed, and one that never answers does not keep the others from being tried.
 */
public final class EachNode {
    /** One admin call to one node. */
    public interface Action {
        void apply(String node) throws IOException;
    }

    private EachNode() {}

    /** @throws IOException naming every node that still failed after {@code patience} (the first error as cause) */
    public static void retrying(Collection<String> nodes, Duration patience, String what, Action action)
            throws IOException, InterruptedException {
        long deadline = System.nanoTime() + patience.toNanos();
        List<String> failed = new ArrayList<>();
        IOException first = null;
        for (String n : nodes) {
            while (true) {
                try {
                    action.apply(n);
                    break;
                } catch (IOException e) {
                    if (System.nanoTime() > deadline) { // past the deadline every node still gets one try
                        failed.add(n + " (" + e.getMessage() + ")");
                        if (first == null) first = e;
                        break;
                    }
                    Thread.sleep(200);
                }
            }
        }
        if (!failed.isEmpty()) throw new IOException("cannot " + what + " on " + String.join(", ", failed), first);
    }
}
