package deltakv.checker.history;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * elle-cli JSON: a JSON array of op objects, or op objects one after another (JSON lines). Strings that
 * are keywords in EDN — {@code type}, {@code f}, micro-op functions, string processes — become {@link Keyword}s
 * so checkers see the same values whichever format was read.
 */
final class JsonOpSource implements OpSource {
    private final JsonParser p;
    private long position;
    private boolean started;
    private boolean inArray;

    JsonOpSource(Reader reader) throws IOException {
        this.p = new JsonFactory().createParser(reader);
    }

    @Override
    public Op next() throws IOException {
        try {
            JsonToken t = p.nextToken();
            if (!started) {
                started = true;
                if (t == JsonToken.START_ARRAY) {
                    inArray = true;
                    t = p.nextToken();
                }
            }
            if (t == null) {
                if (inArray) {
                    throw HistoryException.atLine(p.currentLocation().getLineNr(), "JSON array not closed");
                }
                return null;
            }
            if (inArray && t == JsonToken.END_ARRAY) {
                return null;
            }
            long line = p.currentLocation().getLineNr();
            if (t != JsonToken.START_OBJECT) {
                throw HistoryException.atLine(line, "expected a JSON op object, found " + t);
            }
            Map<Object, Object> m = readObject();
            return OpDecoder.decode(m, position++, "line " + line);
        } catch (JsonProcessingException e) {
            throw HistoryException.atLine(e.getLocation() == null ? 0 : e.getLocation().getLineNr(),
                    "bad JSON: " + e.getOriginalMessage());
        }
    }

    private Map<Object, Object> readObject() throws IOException {
        Map<Object, Object> m = new LinkedHashMap<>();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            p.nextToken();
            Object v = readValue();
            if (v instanceof String s && (name.equals("type") || name.equals("f") || name.equals("process"))) {
                v = Keyword.of(s);
            }
            if (name.equals("value")) {
                v = keywordizeMicroOps(v);
            }
            m.put(Keyword.of(name), v);
        }
        return m;
    }

    private Object readValue() throws IOException {
        return switch (p.currentToken()) {
            case START_OBJECT -> readObject();
            case START_ARRAY -> {
                List<Object> l = new ArrayList<>();
                while (p.nextToken() != JsonToken.END_ARRAY) {
                    l.add(readValue());
                }
                yield l;
            }
            case VALUE_STRING -> p.getText();
            case VALUE_NUMBER_INT -> p.getLongValue();
            case VALUE_NUMBER_FLOAT -> p.getDoubleValue();
            case VALUE_TRUE -> Boolean.TRUE;
            case VALUE_FALSE -> Boolean.FALSE;
            case VALUE_NULL -> null;
            default -> throw HistoryException.atLine(p.currentLocation().getLineNr(), "unexpected JSON " + p.currentToken());
        };
    }

    /** [["append", 1, 2], ["r", 1, null]] → [[:append 1 2] [:r 1 nil]]. */
    private static Object keywordizeMicroOps(Object v) {
        if (!(v instanceof List<?> l)) {
            return v;
        }
        for (Object o : l) {
            if (o instanceof List<?> mop && !mop.isEmpty() && mop.get(0) instanceof String f) {
                @SuppressWarnings("unchecked")
                List<Object> w = (List<Object>) mop;
                w.set(0, Keyword.of(f));
            }
        }
        return v;
    }

    @Override
    public void close() throws IOException {
        p.close();
    }
}
