package deltakv.checker.elle;

/** Runs two independent phases at once (a second core is usually idle while one phase runs). */
final class Both {
    private Both() {}

    static void run(Runnable here, Runnable there) {
        Throwable[] failure = new Throwable[1];
        Thread t = new Thread(() -> {
            try {
                there.run();
            } catch (Throwable e) {
                failure[0] = e;
            }
        }, "elle-phase");
        t.setDaemon(true);
        t.start();
        try {
            here.run();
        } finally {
            try {
                t.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (failure[0] instanceof RuntimeException r) {
            throw r;
        }
        if (failure[0] instanceof Error err) {
            throw err;
        }
        if (failure[0] != null) {
            throw new IllegalStateException(failure[0]);
        }
    }
}
