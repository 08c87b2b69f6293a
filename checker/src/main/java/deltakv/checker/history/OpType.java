package deltakv.checker.history;

/** Jepsen operation types. */
public enum OpType {
    INVOKE, OK, FAIL, INFO;

    public String edn() {
        return ":" + name().toLowerCase(java.util.Locale.ROOT);
    }
}
