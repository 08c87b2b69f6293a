package deltakv.engine.redis;

import java.util.List;

/** What one decoded client frame asks for. */
public sealed interface Request {
    /** A command line; {@code args.get(0)} is the command name as the client sent it. */
    record Command(List<byte[]> args) implements Request {}

    /** Nothing to do (empty inline line, empty or null array), as Redis silently skips them. */
    record Skip() implements Request {}

    /** A malformed request: answer {@code reply}, then close the connection if {@code close}. */
    record Invalid(Reply reply, boolean close) implements Request {}

    Request SKIP = new Skip();
}
