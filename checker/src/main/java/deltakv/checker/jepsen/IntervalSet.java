package deltakv.checker.jepsen;

import deltakv.checker.history.EdnPrinter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/** Jepsen's compact set notation: integers as ranges, {@code #{1..4 7 9..10}}; other values as EDN. */
final class IntervalSet {
    private IntervalSet() {}

    static String format(Collection<?> values) {
        List<Long> ints = new ArrayList<>();
        List<Object> others = new ArrayList<>();
        for (Object v : values) {
            if (v instanceof Long || v instanceof Integer) ints.add(((Number) v).longValue()); else others.add(v);
        }
        ints.sort(null);
        StringBuilder sb = new StringBuilder("#{");
        int i = 0;
        while (i < ints.size()) {
            int j = i;
            while (j + 1 < ints.size() && ints.get(j + 1) <= ints.get(j) + 1) j++;
            if (sb.length() > 2) sb.append(' ');
            sb.append(ints.get(i));
            if (!ints.get(j).equals(ints.get(i))) sb.append("..").append(ints.get(j));
            i = j + 1;
        }
        for (Object o : others) {
            if (sb.length() > 2) sb.append(' ');
            sb.append(EdnPrinter.print(o));
        }
        return sb.append('}').toString();
    }
}
