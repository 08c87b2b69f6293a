package deltakv.checker.history;

/**
 * A history file that cannot be used: unparseable text, a missing field, or an impossible op sequence.
 * The message is one line and names the line (or op index) at fault, so the CLI can print it as is.
 */
public final class HistoryException extends RuntimeException {
    public HistoryException(String message) {
        super(message);
    }

    public static HistoryException atLine(long line, String what) {
        return new HistoryException("line " + line + ": " + what);
    }
}
