package deltakv.checker.history;

/** An EDN symbol such as {@code foo} or {@code ...}; kept distinct from strings so writing round-trips. */
public record EdnSymbol(String name) {
    @Override
    public String toString() {
        return name;
    }
}
