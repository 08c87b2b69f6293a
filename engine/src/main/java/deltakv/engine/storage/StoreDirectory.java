package deltakv.engine.storage;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.rocksdb.RocksDBException;
import org.rocksdb.Status;

/**
 * Decides whether a directory may hold our store: new (missing or empty), ours (marker file present),
 * or something else, which we refuse rather than let RocksDB scribble into a foreign directory.
 */
final class StoreDirectory {
    static final String MARKER = "DELTAKV-STORE";
    private static final String MARKER_TEXT = "deltakv mvcc store, format 1\n";

    private StoreDirectory() {}

    /** Creates {@code dir} if needed; returns true if it already holds our store. */
    static boolean prepare(Path dir) {
        try {
            if (Files.exists(dir) && !Files.isDirectory(dir)) {
                throw new StorageException("data directory " + dir + " is not a directory");
            }
            Files.createDirectories(dir);
            if (Files.exists(dir.resolve(MARKER))) {
                if (!Files.exists(dir.resolve("CURRENT"))) {
                    throw new StorageException("data directory " + dir + " is corrupt: RocksDB CURRENT file missing");
                }
                return true;
            }
            try (Stream<Path> entries = Files.list(dir)) {
                if (entries.findAny().isPresent()) {
                    throw new StorageException("data directory " + dir
                            + " is not empty and is not a DeltaKV store (no " + MARKER + " file)");
                }
            }
            return false;
        } catch (IOException e) {
            throw new StorageException("data directory " + dir + " is unusable: " + e, e);
        }
    }

    /** Marks a freshly created store as ours (after RocksDB created it successfully). */
    static void mark(Path dir) {
        try {
            Files.writeString(dir.resolve(MARKER), MARKER_TEXT, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new StorageException("cannot write " + MARKER + " in " + dir + ": " + e, e);
        }
    }

    /** Turns a RocksDB open failure into a one-line reason. */
    static StorageException openFailure(Path dir, Exception e) {
        String msg = String.valueOf(e.getMessage());
        if (msg.contains("lock")) {
            return new StorageException("data directory " + dir + " is in use by another process (RocksDB lock held)", e);
        }
        if (msg.startsWith("Corruption") || isCorruption(e)) {
            return new StorageException("data directory " + dir + " is corrupt: " + firstLine(msg), e);
        }
        if (msg.contains("Column famil")) {
            return new StorageException("data directory " + dir + " holds a different RocksDB layout: " + firstLine(msg), e);
        }
        return new StorageException("cannot open data directory " + dir + ": " + firstLine(msg), e);
    }

    private static boolean isCorruption(Exception e) {
        return e instanceof RocksDBException r && r.getStatus() != null
                && r.getStatus().getCode() == Status.Code.Corruption;
    }

    private static String firstLine(String s) {
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }
}
