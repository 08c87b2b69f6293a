package deltakv.engine.txn;

/**
 * Marks the threads running an asynchronous transaction body (a Netty event loop): code reached from
 * a body that would block for a Raft round trip — a synchronous compaction — must hand that work off
 * instead, or every connection on the loop waits.
 */
public final class NonBlocking {
    private static final ThreadLocal<Boolean> MARK = new ThreadLocal<>();

    private NonBlocking() {}

    /** Whether the current thread must not block. */
    public static boolean required() {
        return MARK.get() != null;
    }

    static void enter() {
        MARK.set(Boolean.TRUE);
    }

    static void exit() {
        MARK.remove();
    }
}
