package deltakv.checker.history;

import java.io.CharArrayReader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Parses a one-op-per-line EDN history on several cores: the file is cut into blocks at line starts that
 * begin a top-level form ({@code \n{} or {@code \n#}), each block is parsed by its own {@link EdnParser},
 * and the blocks' ops are joined in order. Only a few blocks are in flight, so memory stays bounded.
 * Any parse error makes the caller fall back to the sequential reader, which reports it exactly.
 */
final class ParallelEdnReader {
    static final long MIN_BYTES = 8L << 20;
    private static final int BLOCK = 4 << 20;
    /** Marks an op whose file gave no :index; fixed to its position once all blocks are joined. */
    static final long NO_INDEX = Long.MIN_VALUE;

    private ParallelEdnReader() {}

    static List<Op> read(Path file, int threads) throws IOException {
        return read(file, threads, BLOCK);
    }

    static List<Op> read(Path file, int threads, int blockSize) throws IOException {
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "history-parser");
            t.setDaemon(true);
            return t;
        });
        List<Op> ops = new ArrayList<>();
        ArrayDeque<Future<List<Op>>> inFlight = new ArrayDeque<>();
        try (InputStream in = Files.newInputStream(file)) {
            byte[] carry = new byte[0];
            long line = 1;
            boolean eof = false;
            while (!eof) {
                byte[] buf = new byte[carry.length + blockSize];
                System.arraycopy(carry, 0, buf, 0, carry.length);
                int n = carry.length;
                int r;
                while (n < buf.length && (r = in.read(buf, n, buf.length - n)) > 0) {
                    n += r;
                }
                eof = n < buf.length;
                int cut = eof ? n : lastFormStart(buf, n);
                if (cut <= 0) {
                    throw new HistoryException("no line boundary within a block"); // caller falls back
                }
                carry = java.util.Arrays.copyOfRange(buf, cut, n);
                final byte[] block = buf;
                final int len = cut;
                final long first = line;
                line += newlines(buf, cut);
                inFlight.add(pool.submit(() -> parse(block, len, first)));
                while (inFlight.size() > threads * 2) {
                    ops.addAll(take(inFlight.poll()));
                }
            }
            while (!inFlight.isEmpty()) {
                ops.addAll(take(inFlight.poll()));
            }
        } finally {
            pool.shutdownNow();
        }
        for (int i = 0; i < ops.size(); i++) {
            Op o = ops.get(i);
            if (o.index() == NO_INDEX) {
                ops.set(i, new Op(i, o.time(), o.type(), o.process(), o.f(), o.value(), o.error(), o.extra()));
            }
        }
        return ops;
    }

    private static List<Op> parse(byte[] block, int len, long firstLine) throws IOException {
        char[] chars = new String(block, 0, len, StandardCharsets.UTF_8).toCharArray();
        EdnParser p = new EdnParser(new CharArrayReader(chars), firstLine);
        List<Op> ops = new ArrayList<>(len / 200);
        while (!p.atEnd()) {
            long line = p.line();
            ops.add(OpDecoder.decode(p.next(), NO_INDEX, "line " + line));
        }
        return ops;
    }

    private static List<Op> take(Future<List<Op>> f) throws IOException {
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while reading the history", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof HistoryException h) {
                throw h;
            }
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    /** Position just after the last newline that is followed by '{' or '#', or -1. */
    private static int lastFormStart(byte[] buf, int n) {
        for (int i = n - 2; i >= 0; i--) {
            if (buf[i] == '\n' && (buf[i + 1] == '{' || buf[i + 1] == '#')) {
                return i + 1;
            }
        }
        return -1;
    }

    private static long newlines(byte[] buf, int n) {
        long c = 0;
        for (int i = 0; i < n; i++) {
            if (buf[i] == '\n') {
                c++;
            }
        }
        return c;
    }
}
