package deltakv.checker.history;

import java.io.IOException;
import java.io.Reader;

/** Jepsen EDN: one op map per line, or one EDN vector of op maps; {@code ;} comments anywhere. */
final class EdnOpSource implements OpSource {
    private final Reader reader;
    private final EdnParser parser;
    private long position;
    private Boolean inVector;

    EdnOpSource(Reader reader) {
        this.reader = reader;
        this.parser = new EdnParser(reader);
    }

    @Override
    public Op next() throws IOException {
        if (inVector == null) {
            inVector = parser.peekValueStart() == '[';
            if (inVector) {
                parser.skipChar();
            }
        }
        if (inVector && parser.consumeIf(']')) {
            if (!parser.atEnd()) {
                throw HistoryException.atLine(parser.line(), "text after the closing ']' of the history vector");
            }
            return null;
        }
        if (inVector && parser.atEnd()) {
            throw HistoryException.atLine(parser.line(), "history vector not closed before end of input");
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
