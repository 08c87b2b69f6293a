package deltakv.runner.exec;

import deltakv.checker.history.OpType;
import deltakv.runner.history.HistoryLog;
import deltakv.workloads.Client;
import deltakv.workloads.Completion;
import deltakv.workloads.Invocation;
import java.util.List;

/**
 * The final phase (HARNESS.md §1.4): the workload's final reads (drains, reads of every key), one after
 * another from one client, recorded in the same history. A node that cannot be reached is replaced by
 * the next one; an op whose outcome is unknown moves the client to a fresh process number.
 */
public final class FinalPhase {
    private FinalPhase() {}

    public static void run(List<Invocation> ops, Nodes nodes, HistoryLog history, long firstProcess) {
        if (ops.isEmpty()) return;
        long process = firstProcess;
        int node = 0;
        Client client = nodes.open(node);
        try {
            for (Invocation op : ops) {
                for (int attempt = 0; attempt < nodes.size(); attempt++) {
                    String name = nodes.name(node);
                    history.invoke(process, op.f(), op.value(), op.key(), name);
                    Completion c = client.invoke(op);
                    history.complete(c.type(), process, op.f(), c.value(), c.error(), op.key(), name);
                    if (c.type() == OpType.INFO) process++;
                    if (!client.unreachable()) break;
                    client.close();
                    node = (node + 1) % nodes.size();
                    client = nodes.open(node);
                }
            }
        } finally {
            client.close();
        }
    }
}
