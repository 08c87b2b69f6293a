package deltakv.engine.storage;

import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * Keeps native RocksDB handles alive while any call uses them: a call into a closed RocksDB crashes
 * the JVM instead of throwing, so every operation holds the read side and close takes the write side.
 */
final class CloseGuard {
    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    private final AutoCloseableNoThrow release = () -> lock.readLock().unlock();
    private final String what;
    private boolean closed;

    interface AutoCloseableNoThrow extends AutoCloseable {
        @Override
        void close();
    }

    CloseGuard(String what) {
        this.what = what;
    }

    /** Enter an operation; close the returned handle when done. */
    AutoCloseableNoThrow enter() {
        lock.readLock().lock();
        if (closed) {
            lock.readLock().unlock();
            throw new StorageException(what + " is closed");
        }
        return release;
    }

    /** Marks closed once no operation is running; returns false if it was already closed. */
    boolean close() {
        lock.writeLock().lock();
        try {
            if (closed) return false;
            closed = true;
            return true;
        } finally {
            lock.writeLock().unlock();
        }
    }
}
