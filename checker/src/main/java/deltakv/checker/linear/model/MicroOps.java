package deltakv.checker.linear.model;

import deltakv.checker.history.Keyword;

/** Micro-op function names arrive as keywords ({@code :read}) or strings. */
final class MicroOps {
    private MicroOps() {}

    static String name(Object f) {
        if (f instanceof Keyword k) return k.name();
        return String.valueOf(f);
    }
}
