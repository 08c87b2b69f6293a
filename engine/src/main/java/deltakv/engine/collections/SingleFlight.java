package deltakv.engine.collections;

import java.nio.ByteBuffer;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/** At most one run per key at a time; concurrent callers for the same key wait for that run's result. */
final class SingleFlight<T> {
    private final ConcurrentHashMap<ByteBuffer, CompletableFuture<T>> running = new ConcurrentHashMap<>();

    T run(byte[] key, Supplier<T> work) {
        ByteBuffer k = ByteBuffer.wrap(key.clone());
        CompletableFuture<T> mine = new CompletableFuture<>();
        CompletableFuture<T> existing = running.putIfAbsent(k, mine);
        if (existing != null) return existing.join();
        try {
            T result = work.get();
            mine.complete(result);
            return result;
        } catch (RuntimeException | Error e) {
            mine.completeExceptionally(e);
            throw e;
        } finally {
            running.remove(k, mine);
        }
    }
}
