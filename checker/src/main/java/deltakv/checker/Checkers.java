package deltakv.checker;

/**
 * The registry behind `dkv check`: workload and model names to checkers. One case per name; unknown names
 * give an IllegalArgumentException whose message is the one-line reason the CLI prints.
 */
public final class Checkers {
    private Checkers() {}

    public static Checker forWorkload(String name, CheckOptions opts) {
        switch (name) {
            case "list-append": return new deltakv.checker.elle.ListAppendChecker(opts);
            case "rw-register": return new deltakv.checker.elle.RwRegisterChecker(opts);
            // case "queue": return new ...;   (one line per workload)
            case "queue", "counter", "set", "set-full": return deltakv.checker.jepsen.JepsenCheckers.create(name, opts);
            default:
                throw new IllegalArgumentException("unknown workload '" + name
                        + "' (known: list-append, rw-register, queue, counter, set, set-full)");
        }
    }

    public static Checker forModel(String name, CheckOptions opts) {
        switch (name) {
            // case "register": return new ...;   (one line per model)
            case "register", "cas-register", "multi-register", "mutex", "fifo-queue", "deque", "set":
                return deltakv.checker.linear.ModelCheckers.create(name, opts);
            default:
                throw new IllegalArgumentException("unknown model '" + name
                        + "' (known: register, cas-register, multi-register, mutex, fifo-queue, deque, set)");
        }
    }
}
