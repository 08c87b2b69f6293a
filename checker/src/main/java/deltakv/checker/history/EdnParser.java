package deltakv.checker.history;

import java.io.IOException;
import java.io.Reader;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A small streaming EDN reader: one value per {@link #next()} call, straight from a {@link Reader}, so a
 * multi-GB history never has to sit in memory as text. Hand-written because edn-java's general machinery
 * costs several times more per op on million-op histories. Tags are dropped ({@code #jepsen.history.Op{…}}
 * reads as the map), {@code #inst}/{@code #uuid} keep their string.
 */
public final class EdnParser {
    private static final Object END = new Object();
    /** Keywords every history repeats; shared instances let {@link OpDecoder} compare by identity. */
    static final Map<String, Keyword> COMMON = new HashMap<>();

    static {
        for (String n : new String[] {"index", "time", "type", "process", "f", "value", "error", "invoke", "ok", "fail",
                "info", "txn", "append", "r", "w", "nemesis"}) {
            COMMON.put(n, new Keyword(n));
        }
    }
    private static final Object CLOSE = new Object();

    private final Reader in;
    private final char[] buf = new char[1 << 16];
    private int pos;
    private int len;
    private long line;
    private final StringBuilder sb = new StringBuilder();
    // Keywords repeat constantly (:type :ok …); interning saves most of the allocation.
    private final Map<String, Keyword> keywords = new HashMap<>(COMMON);
    private char closing;

    public EdnParser(Reader in) {
        this(in, 1);
    }

    /** A parser whose first line is numbered {@code firstLine} (for a chunk of a larger file). */
    public EdnParser(Reader in, long firstLine) {
        this.in = in;
        this.line = firstLine;
    }

    /** The current line (1-based) — for error messages. */
    public long line() {
        return line;
    }

    /** Next top-level value, or {@code null} with {@link #atEnd()} true at end of input. */
    public Object next() throws IOException {
        Object v = read();
        if (v == END) {
            return null;
        }
        if (v == CLOSE) {
            throw HistoryException.atLine(line, "unexpected '" + closing + "'");
        }
        return v;
    }

    /** True once {@link #next()} has returned end of input. */
    public boolean atEnd() throws IOException {
        skipWs();
        return peek() < 0;
    }

    /** Skips whitespace and comments and returns the next char without consuming it (-1 at end). */
    public int peekValueStart() throws IOException {
        skipWs();
        return peek();
    }

    /** Consumes one char (used by callers that read a top-level vector element by element). */
    public void skipChar() throws IOException {
        read1();
    }

    /** Skips whitespace; if the next char is {@code c}, consumes it and returns true. */
    public boolean consumeIf(char c) throws IOException {
        skipWs();
        if (peek() == c) {
            read1();
            return true;
        }
        return false;
    }

    private int peek() throws IOException {
        if (pos < len) {
            return buf[pos];
        }
        return fill();
    }

    private int fill() throws IOException {
        len = in.read(buf, 0, buf.length);
        pos = 0;
        if (len <= 0) {
            len = 0;
            return -1;
        }
        return buf[0];
    }

    private int read1() throws IOException {
        int c = peek();
        if (c >= 0) {
            pos++;
            if (c == '\n') {
                line++;
            }
        }
        return c;
    }

    private void skipWs() throws IOException {
        while (true) {
            int c = pos < len ? buf[pos] : fill();
            if (c == ' ' || c == ',') {
                pos++;
                continue;
            }
            if (c == ';') {
                while (c >= 0 && c != '\n') {
                    read1();
                    c = peek();
                }
            } else if (c == ',' || (c >= 0 && Character.isWhitespace(c))) {
                read1();
            } else {
                return;
            }
        }
    }

    private Object read() throws IOException {
        skipWs();
        int c = read1();
        switch (c) {
            case -1:
                return END;
            case '{':
                return readMap();
            case '[':
                return readSeq(']');
            case '(':
                return readSeq(')');
            case '}':
            case ']':
            case ')':
                closing = (char) c;
                return CLOSE;
            case '"':
                return readString();
            case ':':
                return readKeyword();
            case '\\':
                return readChar();
            case '#':
                return readDispatch();
            default:
                return readAtom((char) c);
        }
    }

    private Object readRequired(String where) throws IOException {
        long start = line;
        Object v = read();
        if (v == END) {
            throw HistoryException.atLine(start, "unexpected end of input in " + where);
        }
        if (v == CLOSE) {
            throw HistoryException.atLine(line, "unexpected '" + closing + "' in " + where);
        }
        return v;
    }

    private Map<Object, Object> readMap() throws IOException {
        long start = line;
        Map<Object, Object> m = new LinkedHashMap<>();
        while (true) {
            Object k = read();
            if (k == CLOSE && closing == '}') {
                return m;
            }
            if (k == END) {
                throw HistoryException.atLine(start, "map not closed before end of input");
            }
            if (k == CLOSE) {
                throw HistoryException.atLine(line, "unexpected '" + closing + "' in map");
            }
            Object v = read();
            if (v == CLOSE || v == END) {
                throw HistoryException.atLine(line, "map has a key without a value: " + k);
            }
            m.put(k, v);
        }
    }

    private List<Object> readSeq(char close) throws IOException {
        long start = line;
        List<Object> l = new ArrayList<>();
        while (true) {
            Object v = read();
            if (v == CLOSE) {
                if (closing != close) {
                    throw HistoryException.atLine(line, "expected '" + close + "' but found '" + closing + "'");
                }
                return l;
            }
            if (v == END) {
                throw HistoryException.atLine(start, "'" + (close == ']' ? '[' : '(') + "' not closed before end of input");
            }
            l.add(v);
        }
    }

    private Object readDispatch() throws IOException {
        int c = peek();
        if (c == '{') {
            read1();
            List<Object> items = readSeq('}');
            Set<Object> s = new LinkedHashSet<>(items);
            return s;
        }
        if (c == '_') {
            read1();
            readRequired("#_ form");
            return read();
        }
        // A tagged element: drop the tag, keep the value.
        readToken(new StringBuilder());
        return readRequired("tagged element");
    }

    private String readString() throws IOException {
        long start = line;
        sb.setLength(0);
        while (true) {
            int c = read1();
            if (c < 0) {
                throw HistoryException.atLine(start, "string not closed before end of input");
            }
            if (c == '"') {
                return sb.toString();
            }
            if (c == '\\') {
                int e = read1();
                switch (e) {
                    case 'n' -> sb.append('\n');
                    case 't' -> sb.append('\t');
                    case 'r' -> sb.append('\r');
                    case '"' -> sb.append('"');
                    case '\\' -> sb.append('\\');
                    case 'u' -> {
                        char[] hex = new char[4];
                        for (int i = 0; i < 4; i++) {
                            hex[i] = (char) read1();
                        }
                        try {
                            sb.append((char) Integer.parseInt(new String(hex), 16));
                        } catch (NumberFormatException ex) {
                            throw HistoryException.atLine(line, "bad \\u escape in string");
                        }
                    }
                    default -> throw HistoryException.atLine(line, "bad escape \\" + (char) e + " in string");
                }
            } else {
                sb.append((char) c);
            }
        }
    }

    private Object readChar() throws IOException {
        String t = readToken(new StringBuilder().append((char) read1()));
        return switch (t) {
            case "newline" -> "\n";
            case "space" -> " ";
            case "tab" -> "\t";
            default -> t;
        };
    }

    private static boolean delimiter(int c) {
        return c <= ' ' || c == ',' || c == ']' || c == '}' || c == ')' || c == '[' || c == '{' || c == '('
                || c == '"' || c == ';' || Character.isWhitespace(c);
    }

    private String readToken(StringBuilder t) throws IOException {
        while (!delimiter(peek())) {
            t.append((char) read1());
        }
        return t.toString();
    }

    /** Reads a keyword; repeated ones are found by their characters, without building a String. */
    private Keyword readKeyword() throws IOException {
        int start = pos;
        int h = 0;
        while (pos < len && !delimiter(buf[pos])) {
            h = 31 * h + buf[pos];
            pos++;
        }
        if (pos < len) {
            Keyword k = keywordCache.find(buf, start, pos, h);
            if (k != null) {
                return k;
            }
            Keyword made = keyword(new String(buf, start, pos - start));
            keywordCache.add(made, h);
            return made;
        }
        // The token runs to the end of the buffer: take the slow path.
        sb.setLength(0);
        sb.append(buf, start, pos - start);
        return keyword(readToken(sb));
    }

    private final KeywordCache keywordCache = new KeywordCache();

    private Keyword keyword(String name) {
        if (name.isEmpty()) {
            throw HistoryException.atLine(line, "empty keyword");
        }
        return keywords.computeIfAbsent(name, Keyword::new);
    }

    private Object readAtom(char first) throws IOException {
        // Fast path for plain integers, by far the most common atom in histories.
        if ((first >= '0' && first <= '9') || ((first == '-' || first == '+') && isDigit(peek()))) {
            boolean neg = first == '-';
            long v = (first >= '0' && first <= '9') ? first - '0' : 0;
            int digits = (first >= '0' && first <= '9') ? 1 : 0;
            while (digits < 18) {
                int c = pos < len ? buf[pos] : fill();
                if (c < '0' || c > '9') {
                    break;
                }
                v = v * 10 + (c - '0');
                pos++;
                digits++;
            }
            if (delimiter(peek())) {
                return box(neg ? -v : v);
            }
            StringBuilder t = new StringBuilder();
            t.append(neg ? "-" : "").append(v);
            return number(readToken(t));
        }
        String t = readToken(new StringBuilder().append(first));
        return switch (t) {
            case "nil" -> null;
            case "true" -> Boolean.TRUE;
            case "false" -> Boolean.FALSE;
            default -> new EdnSymbol(t);
        };
    }

    // List-append reads repeat the same elements over and over: sharing one Long per value (a small
    // direct-mapped cache) saves most of the boxing garbage and much of the memory of a large history.
    private final Long[] longs = new Long[1 << 14];
    private final long[] longKeys = new long[1 << 14];

    private Long box(long v) {
        int i = (int) (v ^ (v >>> 32)) & (longs.length - 1);
        if (longKeys[i] == v) {
            Long c = longs[i];
            if (c != null) {
                return c;
            }
        }
        Long b = v;
        longs[i] = b;
        longKeys[i] = v;
        return b;
    }

    private static boolean isDigit(int c) {
        return c >= '0' && c <= '9';
    }

    private Object number(String t) {
        try {
            if (t.endsWith("N")) {
                BigInteger b = new BigInteger(t.substring(0, t.length() - 1));
                return b.bitLength() < 64 ? (Object) b.longValue() : b;
            }
            if (t.endsWith("M")) {
                return new BigDecimal(t.substring(0, t.length() - 1)).doubleValue();
            }
            if (t.contains(".") || t.contains("e") || t.contains("E")) {
                return Double.parseDouble(t);
            }
            if (t.contains("/")) {
                String[] p = t.split("/");
                return Double.parseDouble(p[0]) / Double.parseDouble(p[1]);
            }
            BigInteger b = new BigInteger(t);
            return b.bitLength() < 64 ? (Object) b.longValue() : b;
        } catch (NumberFormatException e) {
            throw HistoryException.atLine(line, "bad number '" + t + "'");
        }
    }
}
