package deltakv.checker.history;

/** An EDN keyword such as {@code :append}; {@code name} has no leading colon. */
public record Keyword(String name) implements Comparable<Keyword> {
    public static Keyword of(String name) {
        return new Keyword(name.startsWith(":") ? name.substring(1) : name);
    }

    @Override
    public int compareTo(Keyword o) {
        return name.compareTo(o.name);
    }

    @Override
    public String toString() {
        return ":" + name;
    }
}
