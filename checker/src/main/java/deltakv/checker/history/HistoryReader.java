package deltakv.checker.history;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PushbackReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Opens Jepsen EDN or elle-cli JSON histories, choosing the format from the file's first op. */
public final class HistoryReader {
    private HistoryReader() {}

    /** Reads and validates a whole history file. Throws {@link HistoryException} with a one-line reason. */
    public static History read(Path file) throws IOException {
        List<Op> ops = parallelCandidate(file) ? tryParallel(file) : null;
        if (ops == null) {
            ops = readSequential(file);
        }
        try {
            return HistoryValidator.validate(ops);
        } catch (HistoryException e) {
            throw new HistoryException(file.getFileName() + ": " + e.getMessage());
        }
    }

    /** Large one-op-per-line EDN files are parsed on all cores; everything else streams on this thread. */
    private static boolean parallelCandidate(Path file) throws IOException {
        if (!Files.isRegularFile(file) || Files.size(file) < ParallelEdnReader.MIN_BYTES
                || Runtime.getRuntime().availableProcessors() < 2) {
            return false;
        }
        try (java.io.InputStream in = Files.newInputStream(file)) {
            byte[] head = in.readNBytes(64);
            char[] c = new String(head, StandardCharsets.ISO_8859_1).toCharArray();
            int i = 0;
            while (i < c.length && Character.isWhitespace(c[i])) {
                i++;
            }
            return i < c.length && (c[i] == '{' || c[i] == '#') && !looksLikeJson(c, c.length);
        }
    }

    /** The parallel parse, or null when it cannot be used (the sequential reader then reports any error). */
    private static List<Op> tryParallel(Path file) {
        try {
            return ParallelEdnReader.read(file, Math.min(4, Runtime.getRuntime().availableProcessors()));
        } catch (HistoryException | IOException e) {
            return null;
        }
    }

    private static List<Op> readSequential(Path file) throws IOException {
        List<Op> ops = new ArrayList<>();
        try (OpSource src = open(file)) {
            for (Op op = src.next(); op != null; op = src.next()) {
                ops.add(op);
            }
        } catch (HistoryException e) {
            throw new HistoryException(file.getFileName() + ": " + e.getMessage());
        }
        return ops;
    }

    /** Reads and validates a history from text (tests, small inputs). */
    public static History readString(String text) throws IOException {
        List<Op> ops = new ArrayList<>();
        try (OpSource src = open(new java.io.StringReader(text))) {
            for (Op op = src.next(); op != null; op = src.next()) {
                ops.add(op);
            }
        }
        return HistoryValidator.validate(ops);
    }

    /** A streaming source over a file; nothing is validated beyond each op's own fields. */
    public static OpSource open(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new NoSuchFileException(file.toString(), null, "no such history file");
        }
        Reader r = new InputStreamReader(Files.newInputStream(file), StandardCharsets.UTF_8);
        return open(new BufferedReader(r, 1 << 16));
    }

    public static OpSource open(Reader reader) throws IOException {
        PushbackReader in = new PushbackReader(reader, 64);
        char[] head = new char[64];
        int n = in.read(head, 0, head.length);
        if (n > 0) {
            in.unread(head, 0, n);
        }
        return looksLikeJson(head, Math.max(n, 0)) ? new JsonOpSource(in) : new EdnOpSource(in);
    }

    /** JSON objects start {@code {"}; Jepsen EDN op maps start with a keyword ({@code {:}). */
    static boolean looksLikeJson(char[] head, int n) {
        int i = 0;
        while (i < n && (Character.isWhitespace(head[i]) || head[i] == '[')) {
            i++;
        }
        if (i >= n || head[i] != '{') {
            return false;
        }
        i++;
        while (i < n && Character.isWhitespace(head[i])) {
            i++;
        }
        return i < n && head[i] == '"';
    }
}
