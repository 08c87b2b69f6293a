package deltakv.checker.history;

import java.util.Collection;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;

/** Prints plain Java values (the types {@link Op} documents) as EDN. */
public final class EdnPrinter {
    private EdnPrinter() {}

    /** {@link #print} cut to 120 characters, for one-line error messages. */
    public static String abbreviated(Object value) {
        String s = print(value);
        return s.length() <= 120 ? s : s.substring(0, 117) + "...";
    }

    public static String print(Object v) {
        StringBuilder sb = new StringBuilder();
        print(v, sb);
        return sb.toString();
    }

    public static void print(Object v, StringBuilder sb) {
        if (v == null) {
            sb.append("nil");
        } else if (v instanceof String s) {
            string(s, sb);
        } else if (v instanceof Map<?, ?> m) {
            sb.append('{');
            boolean first = true;
            for (Map.Entry<?, ?> e : m.entrySet()) {
                if (!first) {
                    sb.append(", ");
                }
                first = false;
                print(e.getKey(), sb);
                sb.append(' ');
                print(e.getValue(), sb);
            }
            sb.append('}');
        } else if (v instanceof Set<?> s) {
            sb.append("#{");
            items(s, sb);
            sb.append('}');
        } else if (v instanceof Collection<?> c) {
            sb.append('[');
            items(c, sb);
            sb.append(']');
        } else if (v instanceof OpType t) {
            sb.append(t.edn());
        } else {
            sb.append(v); // Long, Double, Boolean, Keyword (":x"), EdnSymbol
        }
    }

    private static void items(Collection<?> c, StringBuilder sb) {
        Iterator<?> it = c.iterator();
        while (it.hasNext()) {
            print(it.next(), sb);
            if (it.hasNext()) {
                sb.append(' ');
            }
        }
    }

    private static void string(String s, StringBuilder sb) {
        sb.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\t' -> sb.append("\\t");
                case '\r' -> sb.append("\\r");
                default -> sb.append(c);
            }
        }
        sb.append('"');
    }

    /** One op as a Jepsen EDN map, fields in Jepsen's usual order, extra fields last. */
    public static String printOp(Op op) {
        StringBuilder sb = new StringBuilder(128);
        sb.append("{:index ").append(op.index());
        if (op.time() >= 0) {
            sb.append(", :time ").append(op.time());
        }
        sb.append(", :type ").append(op.type().edn()).append(", :process ");
        print(op.process(), sb);
        if (op.f() != null) {
            sb.append(", :f :").append(op.f());
        }
        sb.append(", :value ");
        print(op.value(), sb);
        if (op.error() != null) {
            sb.append(", :error ");
            print(op.error(), sb);
        }
        for (Map.Entry<Object, Object> e : op.extra().entrySet()) {
            sb.append(", ");
            print(e.getKey(), sb);
            sb.append(' ');
            print(e.getValue(), sb);
        }
        return sb.append('}').toString();
    }
}
