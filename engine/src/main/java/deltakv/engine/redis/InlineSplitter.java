package deltakv.engine.redis;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits an inline command line (what telnet users type) into arguments the way Redis does:
 * whitespace separates, "double quotes" take C-like escapes, 'single quotes' only \'.
 */
public final class InlineSplitter {
    /** Thrown for unbalanced quotes; the server answers with a protocol error. */
    public static final class UnbalancedQuotes extends Exception {
        UnbalancedQuotes() {
            super("unbalanced quotes in request", null, false, false);
        }
    }

    private InlineSplitter() {}

    public static List<byte[]> split(String line) throws UnbalancedQuotes {
        byte[] in = line.getBytes(StandardCharsets.UTF_8);
        List<byte[]> out = new ArrayList<>();
        int i = 0;
        while (true) {
            while (i < in.length && isSpace(in[i])) i++;
            if (i >= in.length) return out;
            ByteArrayOutputStream arg = new ByteArrayOutputStream();
            i = readArg(in, i, arg);
            out.add(arg.toByteArray());
        }
    }

    private static int readArg(byte[] in, int i, ByteArrayOutputStream arg) throws UnbalancedQuotes {
        while (i < in.length && !isSpace(in[i])) {
            byte c = in[i];
            if (c == '"') {
                i = readDoubleQuoted(in, i + 1, arg);
            } else if (c == '\'') {
                i = readSingleQuoted(in, i + 1, arg);
            } else {
                arg.write(c);
                i++;
            }
        }
        return i;
    }

    private static int readDoubleQuoted(byte[] in, int i, ByteArrayOutputStream arg) throws UnbalancedQuotes {
        while (i < in.length) {
            byte c = in[i];
            if (c == '"') return closingQuote(in, i);
            if (c == '\\' && i + 3 < in.length && in[i + 1] == 'x' && isHex(in[i + 2]) && isHex(in[i + 3])) {
                arg.write(Integer.parseInt(new String(in, i + 2, 2, StandardCharsets.US_ASCII), 16));
                i += 4;
            } else if (c == '\\' && i + 1 < in.length) {
                arg.write(unescape(in[i + 1]));
                i += 2;
            } else {
                arg.write(c);
                i++;
            }
        }
        throw new UnbalancedQuotes();
    }

    private static int readSingleQuoted(byte[] in, int i, ByteArrayOutputStream arg) throws UnbalancedQuotes {
        while (i < in.length) {
            byte c = in[i];
            if (c == '\'') return closingQuote(in, i);
            if (c == '\\' && i + 1 < in.length && in[i + 1] == '\'') {
                arg.write('\'');
                i += 2;
            } else {
                arg.write(c);
                i++;
            }
        }
        throw new UnbalancedQuotes();
    }

    /** A closing quote must be followed by a space or the end of the line, as in Redis. */
    private static int closingQuote(byte[] in, int at) throws UnbalancedQuotes {
        if (at + 1 < in.length && !isSpace(in[at + 1])) throw new UnbalancedQuotes();
        return at + 1;
    }

    private static int unescape(byte c) {
        return switch (c) {
            case 'n' -> '\n';
            case 'r' -> '\r';
            case 't' -> '\t';
            case 'b' -> '\b';
            case 'a' -> 7;
            default -> c;
        };
    }

    private static boolean isHex(byte c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    }

    private static boolean isSpace(byte c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == 0x0B || c == '\f';
    }
}
