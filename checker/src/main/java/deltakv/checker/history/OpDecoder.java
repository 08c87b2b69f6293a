package deltakv.checker.history;

import java.util.LinkedHashMap;
import java.util.Map;

/** Turns one op map (keyword keys, as read from EDN or converted from JSON) into an {@link Op}. */
final class OpDecoder {
    private static final Keyword INDEX = EdnParser.COMMON.get("index");
    private static final Keyword TIME = EdnParser.COMMON.get("time");
    private static final Keyword TYPE = EdnParser.COMMON.get("type");
    private static final Keyword PROCESS = EdnParser.COMMON.get("process");
    private static final Keyword F = EdnParser.COMMON.get("f");
    private static final Keyword VALUE = EdnParser.COMMON.get("value");
    private static final Keyword ERROR = EdnParser.COMMON.get("error");

    private static final java.util.Set<Object> KNOWN = java.util.Set.of(INDEX, TIME, TYPE, PROCESS, F, VALUE, ERROR);

    private OpDecoder() {}

    /** @param where "line 12" or "op 12", used in error messages; @param position default index */
    static Op decode(Object form, long position, String where) {
        if (!(form instanceof Map<?, ?> raw)) {
            throw new HistoryException(where + ": expected an op map, found " + EdnPrinter.abbreviated(form));
        }
        @SuppressWarnings("unchecked")
        Map<Object, Object> m = (Map<Object, Object>) raw;
        Object type = m.get(TYPE);
        if (type == null) {
            throw new HistoryException(where + ": op has no :type");
        }
        if (!m.containsKey(PROCESS)) {
            throw new HistoryException(where + ": op has no :process");
        }
        Map<Object, Object> extra = null;
        for (Map.Entry<Object, Object> e : m.entrySet()) {
            Object k = e.getKey();
            if (k != INDEX && k != TIME && k != TYPE && k != PROCESS && k != F && k != VALUE && k != ERROR
                    && !KNOWN.contains(k)) {
                if (extra == null) {
                    extra = new LinkedHashMap<>();
                }
                extra.put(k, e.getValue());
            }
        }
        return new Op(longField(m, INDEX, position, where), longField(m, TIME, -1, where), opType(type, where),
                m.get(PROCESS), name(m.get(F)), m.get(VALUE), m.get(ERROR), extra == null ? Map.of() : extra);
    }

    private static long longField(Map<Object, Object> m, Keyword k, long dflt, String where) {
        Object v = m.get(k);
        if (v == null) {
            return dflt;
        }
        if (v instanceof Number n) {
            return n.longValue();
        }
        throw new HistoryException(where + ": " + k + " must be a number, found " + EdnPrinter.print(v));
    }

    private static OpType opType(Object type, String where) {
        String n = name(type);
        return switch (n == null ? "" : n) {
            case "invoke" -> OpType.INVOKE;
            case "ok" -> OpType.OK;
            case "fail" -> OpType.FAIL;
            case "info" -> OpType.INFO;
            default -> throw new HistoryException(where + ": unknown :type " + EdnPrinter.print(type)
                    + " (expected :invoke, :ok, :fail or :info)");
        };
    }

    /** Keyword, symbol or string to its bare name. */
    static String name(Object o) {
        if (o == null) {
            return null;
        }
        if (o instanceof Keyword k) {
            return k.name();
        }
        if (o instanceof EdnSymbol s) {
            return s.name();
        }
        return o.toString();
    }
}
