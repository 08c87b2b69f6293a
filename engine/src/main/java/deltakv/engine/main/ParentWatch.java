package deltakv.engine.main;

import java.util.Optional;

/**
 * Makes a node exit when the process that started it dies ({@code --parent-pid}): a test harness that
 * is SIGKILLed cannot stop its nodes, so the nodes stop themselves instead of running on as orphans.
 * A daemon thread polls the parent twice a second; when it is gone the node is closed by {@code onExit}.
 */
final class ParentWatch {
    private static final long POLL_MILLIS = 500;

    private ParentWatch() {}

    static void start(long parentPid, Runnable onExit) {
        Optional<ProcessHandle> parent = ProcessHandle.of(parentPid);
        Thread t = new Thread(() -> {
            while (parent.map(ProcessHandle::isAlive).orElse(false)) {
                try {
                    Thread.sleep(POLL_MILLIS);
                } catch (InterruptedException e) {
                    return;
                }
            }
            onExit.run();
        }, "dkv-parent-watch");
        t.setDaemon(true);
        t.start();
    }
}
