package deltakv.engine.redis;

import io.netty.handler.codec.DecoderException;
import io.netty.handler.codec.TooLongFrameException;

/** Words a decoder failure the way Redis words its protocol errors. */
final class ProtocolErrors {
    /** Redis's proto-max-bulk-len default; Netty's decoder enforces the same limit. */
    static final long MAX_BULK_LENGTH = 512L * 1024 * 1024;
    /** Most elements accepted in one request array (Redis accepts up to INT_MAX; we stay sane). */
    static final long MAX_MULTIBULK_LENGTH = 1024L * 1024;

    private ProtocolErrors() {}

    static boolean isProtocolError(Throwable t) {
        return t instanceof DecoderException || t instanceof TooLongFrameException
                || t instanceof Violation;
    }

    static Reply describe(Throwable t) {
        Throwable root = t instanceof DecoderException && t.getCause() != null ? t.getCause() : t;
        if (root instanceof Violation e) return CommandErrors.protocol(e.getMessage());
        String m = String.valueOf(root.getMessage());
        if (m.contains("expected: <= " + MAX_BULK_LENGTH) || m.contains("expected: >= -1")
                || root instanceof TooLongFrameException) {
            return CommandErrors.protocol("invalid bulk length");
        }
        if (m.contains("expected: <= ")) return CommandErrors.protocol("too big inline request");
        return CommandErrors.protocol(CommandErrors.sanitize(m));
    }

    /** Input the server refuses (absurd lengths, request shapes Redis rejects); the message is the reason. */
    static final class Violation extends RuntimeException {
        Violation(String message) {
            super(message, null, false, false);
        }
    }
}
