package deltakv.runner.analysis;

import deltakv.checker.history.History;
import deltakv.checker.history.HistoryException;
import deltakv.checker.history.HistoryReader;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Reads a run's {@code history.edn}. The harness writes it as ops happen, so a run killed mid-write leaves a
 * torn last line: that line (no final newline) is dropped with a warning; corruption anywhere else is an
 * error (HARNESS.md §2). The stored file is never changed.
 */
public final class StoredHistory {
    private StoredHistory() {}

    public record Loaded(History history, String warning) {}

    public static Loaded read(Path file) throws IOException {
        if (!Files.isRegularFile(file)) throw new NoSuchFileException(file.toString(), null, "no history");
        long size = Files.size(file);
        long keep = size;
        try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "r")) {
            if (size > 0) {
                f.seek(size - 1);
                if (f.read() != '\n') {
                    // find the last newline; everything after it is the torn line
                    long pos = size - 1;
                    byte[] buf = new byte[8192];
                    keep = 0;
                    outer:
                    while (pos > 0) {
                        int n = (int) Math.min(buf.length, pos);
                        f.seek(pos - n);
                        f.readFully(buf, 0, n);
                        for (int i = n - 1; i >= 0; i--) {
                            if (buf[i] == '\n') {
                                keep = pos - n + i + 1;
                                break outer;
                            }
                        }
                        pos -= n;
                    }
                }
            }
        }
        if (keep == size) return new Loaded(HistoryReader.read(file), null);
        Path tmp = Files.createTempFile("dkv-history", ".edn");
        try {
            truncateCopy(file, tmp, keep);
            History h = HistoryReader.read(tmp);
            return new Loaded(h, "history.edn: dropped a torn last line (" + (size - keep) + " bytes; the run was cut off while writing it)");
        } catch (HistoryException e) {
            throw new HistoryException(e.getMessage().replace(tmp.getFileName().toString(), file.getFileName().toString()));
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    private static void truncateCopy(Path from, Path to, long bytes) throws IOException {
        try (var in = Files.newInputStream(from); var out = Files.newOutputStream(to)) {
            byte[] buf = new byte[1 << 16];
            long left = bytes;
            while (left > 0) {
                int n = in.read(buf, 0, (int) Math.min(buf.length, left));
                if (n < 0) break;
                out.write(buf, 0, n);
                left -= n;
            }
        }
    }
}
