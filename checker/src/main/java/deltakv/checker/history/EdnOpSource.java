package deltakv.checker.history;

import java.io.IOException;
import java.io.Reader;

/**
 * Jepsen EDN: one op map per line, or one EDN vector (or list, as some Knossos files are) of op maps;
 * {@code ;} comments anywhere.
 */
final class EdnOpSource implements OpSource {
    private final Reader reader;
    private final EdnParser parser;
    private long position;
    private Boolean inVector;
    private char close;

    EdnOpSource(Reader reader) {
        this.reader = reader;
        this.parser = new EdnParser(reader);
    }

    @Override
    public Op next() throws IOException {
        if (inVector == null) {
            int open = parser.peekValueStart();
            inVector = open == '[' || open == '(';
            if (inVector) {
                close = open == '[' ? ']' : ')';
                parser.skipChar();
            }
        }
        if (inVector && parser.consumeIf(close)) {
            if (!parser.atEnd()) {
                throw HistoryException.atLine(parser.line(), "text after the closing '" + close + "' of the history");
            }
            return null;
        }
        if (inVector && parser.atEnd()) {
            throw HistoryException.atLine(parser.line(), "history vector/list not closed before end of input");
        }
        if (parser.atEnd()) {
            return null;
        }
        long line = parser.line();
        Object form = parser.next();
        return OpDecoder.decode(form, position++, "line " + line);
    }

    @Override
    public void close() throws IOException {
        reader.close();
    }
}
