package deltakv.engine.redis;

import java.util.concurrent.atomic.AtomicLong;

/** Connection counters of one server, for INFO's Clients section. Thread-safe. */
public final class ClientStats {
    private final AtomicLong connected = new AtomicLong();
    private final AtomicLong accepted = new AtomicLong();
    private final AtomicLong protocolErrors = new AtomicLong();

    void opened() {
        connected.incrementAndGet();
        accepted.incrementAndGet();
    }

    void closed() {
        connected.decrementAndGet();
    }

    void protocolError() {
        protocolErrors.incrementAndGet();
    }

    public long connected() {
        return connected.get();
    }

    public long accepted() {
        return accepted.get();
    }

    /** Connections closed because of malformed input. */
    public long protocolErrors() {
        return protocolErrors.get();
    }
}
