package deltakv.workloads;

/**
 * An operation a worker is about to invoke, as it goes into the history: Jepsen's {@code :f} and
 * {@code :value}, and for keyed workloads the {@code :key} field (null for transactional workloads, whose
 * keys are inside the value's micro-ops).
 */
public record Invocation(String f, Object value, Object key) {
    public static Invocation of(String f, Object value) {
        return new Invocation(f, value, null);
    }
}
