package deltakv.engine.txn;

import java.time.Duration;

/**
 * How {@link TxnExecutor} retries: exponential backoff with jitter between {@code initialBackoff}
 * and {@code maxBackoff}, giving up after {@code maxAttempts} or {@code maxElapsed}; an ambiguous
 * commit is re-submitted identically at most {@code ambiguousResubmits} times.
 */
public record RetryPolicy(Duration initialBackoff, Duration maxBackoff, int maxAttempts, Duration maxElapsed,
                          int ambiguousResubmits) {
    public RetryPolicy {
        if (maxAttempts < 1 || ambiguousResubmits < 0) throw new IllegalArgumentException("bad retry policy");
    }

    public static RetryPolicy defaults() {
        return new RetryPolicy(Duration.ofNanos(50_000), Duration.ofMillis(5), 200, Duration.ofSeconds(2), 3);
    }

    public Backoff start() {
        return new Backoff(this);
    }
}
