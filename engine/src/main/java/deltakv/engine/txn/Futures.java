package deltakv.engine.txn;

import java.util.concurrent.CompletionException;

/** Helpers for the failures that asynchronous steps pass along. */
public final class Futures {
    private Futures() {}

    /** The failure itself: dependent futures wrap it in a {@link CompletionException}. */
    public static Throwable cause(Throwable t) {
        return t instanceof CompletionException && t.getCause() != null ? t.getCause() : t;
    }
}
