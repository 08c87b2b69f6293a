package deltakv.runner.analysis;

import deltakv.checker.history.History;
import deltakv.checker.history.Op;
import deltakv.checker.history.OpType;
import java.util.ArrayList;
import java.util.List;

/**
 * A client op with its outcome, as the statistics and plots see it: invoke time, latency, {@code :f},
 * completion type (an invoke that never completed counts as {@code :info}) and node.
 */
public record Completed(long invokeNanos, long latencyNanos, String f, OpType type, Object process, long index) {
    /** Every client op of {@code h}, in invoke order; unfinished invokes end at the history's last time. */
    public static List<Completed> of(History h) {
        long end = 0;
        for (Op op : h.ops()) end = Math.max(end, op.time());
        List<Completed> out = new ArrayList<>(h.size() / 2 + 1);
        for (int i = 0; i < h.size(); i++) {
            Op op = h.get(i);
            if (op.type() != OpType.INVOKE || !History.isClient(op)) continue;
            int c = h.completion(i);
            if (c < 0) {
                out.add(new Completed(op.time(), Math.max(0, end - op.time()), op.f(), OpType.INFO, op.process(), op.index()));
            } else {
                Op done = h.get(c);
                out.add(new Completed(op.time(), Math.max(0, done.time() - op.time()), op.f(), done.type(),
                        op.process(), op.index()));
            }
        }
        return out;
    }
}
