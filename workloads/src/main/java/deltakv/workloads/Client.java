package deltakv.workloads;

/**
 * One worker's connection to one server, turning invocations into Redis commands. {@link #invoke} never
 * throws for anything the server or the network does: it classifies it into a {@link Completion}.
 */
public interface Client extends AutoCloseable {
    Completion invoke(Invocation op);

    /** True when the last failure means the node is unreachable (the worker should move to another). */
    boolean unreachable();

    @Override
    void close();
}
