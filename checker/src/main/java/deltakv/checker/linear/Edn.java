package deltakv.checker.linear;

import deltakv.checker.history.Keyword;
import java.util.Collection;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;

/** Prints plain Java values (as the history readers produce them) in EDN notation, for explanations. */
public final class Edn {
    private Edn() {}

    public static String print(Object v) {
        StringBuilder sb = new StringBuilder();
        print(v, sb);
        return sb.toString();
    }

    private static void print(Object v, StringBuilder sb) {
        if (v == null) {
            sb.append("nil");
        } else if (v instanceof String s) {
            sb.append('"').append(s.replace("\\", "\\\\").replace("\"", "\\\"")).append('"');
        } else if (v instanceof Keyword k) {
            sb.append(k);
        } else if (v instanceof Map<?, ?> m) {
            sb.append('{');
            boolean first = true;
            for (Map.Entry<?, ?> e : m.entrySet()) {
                if (!first) sb.append(", ");
                first = false;
                print(e.getKey(), sb);
                sb.append(' ');
                print(e.getValue(), sb);
            }
            sb.append('}');
        } else if (v instanceof Set<?> s) {
            sb.append("#{");
            seq(s, sb);
            sb.append('}');
        } else if (v instanceof Collection<?> c) {
            sb.append('[');
            seq(c, sb);
            sb.append(']');
        } else {
            sb.append(v);
        }
    }

    private static void seq(Collection<?> c, StringBuilder sb) {
        Iterator<?> it = c.iterator();
        while (it.hasNext()) {
            print(it.next(), sb);
            if (it.hasNext()) sb.append(' ');
        }
    }
}
