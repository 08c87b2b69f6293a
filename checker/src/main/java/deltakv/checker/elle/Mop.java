package deltakv.checker.elle;

import deltakv.checker.history.EdnPrinter;
import deltakv.checker.history.Keyword;
import java.util.List;

/** One micro-op of a transaction: {@code [:append k v]}, {@code [:r k v]} or {@code [:w k v]}. */
public record Mop(Kind f, Object key, Object value) {
    public enum Kind { APPEND, READ, WRITE }

    public boolean isRead() {
        return f == Kind.READ;
    }

    /** Parses {@code [f k v]}; returns null when it is not a micro-op of a known kind. */
    static Mop parse(Object o) {
        if (!(o instanceof List<?> l) || l.size() != 3 || !(l.get(0) instanceof Keyword k)) {
            return null;
        }
        Kind kind = switch (k.name()) {
            case "append" -> Kind.APPEND;
            case "r" -> Kind.READ;
            case "w" -> Kind.WRITE;
            default -> null;
        };
        return kind == null ? null : new Mop(kind, asLong(l.get(1)), asLong(l.get(2)));
    }

    /** Integer 1 and Long 1 must be the same key or value (Elle rejects such mixes; we unify them). */
    private static Object asLong(Object o) {
        return o instanceof Integer || o instanceof Short || o instanceof Byte ? (Object) ((Number) o).longValue() : o;
    }

    @Override
    public String toString() {
        String name = switch (f) {
            case APPEND -> ":append";
            case READ -> ":r";
            case WRITE -> ":w";
        };
        return "[" + name + " " + EdnPrinter.print(key) + " " + EdnPrinter.print(value) + "]";
    }
}
