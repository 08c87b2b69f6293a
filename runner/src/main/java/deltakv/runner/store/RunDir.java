package deltakv.runner.store;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;

/**
 * One run's directory in the store (HARNESS.md §5): {@code store/<test-name>/<yyyyMMdd'T'HHmmss.SSS>/}, the
 * names of the files a run leaves there, and {@code store/latest} pointing at the newest run.
 */
public record RunDir(Path dir) {
    public static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss.SSS");
    public static final String TEST = "test.json";
    public static final String HISTORY = "history.edn";
    public static final String NEMESIS = "nemesis.edn";
    /** Written by the checkers ({@code ResultFiles}): {@code valid?} first. */
    public static final String RESULTS_JSON = "results.json";
    public static final String SUMMARY = "summary.txt";
    public static final String LOG = "dkv.log";

    /**
     * Creates a fresh run directory; a clash of timestamps (two runs in one millisecond) takes the next one.
     *
     * @throws IOException with the reason when the store cannot be written
     */
    public static RunDir create(Path store, String testName) throws IOException {
        Path parent = store.resolve(testName);
        try {
            Files.createDirectories(parent);
        } catch (IOException e) {
            throw new IOException("cannot write the store " + store + ": " + reason(e));
        }
        if (!Files.isWritable(parent)) throw new IOException("cannot write the store " + store + ": not writable");
        return new RunDir(createStamped(parent, "").toAbsolutePath());
    }

    /**
     * Creates {@code parent/<stamp><suffix>} for now; a clash of timestamps (two in one millisecond) takes the next one.
     * The nightly's directories are named this way too.
     */
    public static Path createStamped(Path parent, String suffix) throws IOException {
        LocalDateTime t = LocalDateTime.now();
        for (int i = 0; i < 1000; i++, t = t.plusNanos(1_000_000)) {
            Path d = parent.resolve(STAMP.format(t) + suffix);
            try {
                Files.createDirectory(d);
                return d;
            } catch (FileAlreadyExistsException e) {
                // next millisecond
            }
        }
        throw new IOException("cannot create a directory under " + parent);
    }

    public Path file(String name) {
        return dir.resolve(name);
    }

    public Path nodes() {
        return dir.resolve("nodes");
    }

    /** Points {@code store/latest} at this run (a relative symlink, replaced atomically). */
    public void markLatest(Path store) throws IOException {
        Path link = store.resolve("latest");
        Path tmp = store.resolve(".latest-" + ProcessHandle.current().pid());
        Files.deleteIfExists(tmp);
        Files.createSymbolicLink(tmp, store.toAbsolutePath().relativize(dir));
        Files.move(tmp, link, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }

    /** True when {@code d} looks like a run directory (has test.json). */
    public static boolean isRun(Path d) {
        return Files.isRegularFile(d.resolve(TEST));
    }

    static String reason(IOException e) {
        String m = e.getMessage();
        if (e instanceof java.nio.file.AccessDeniedException) return "permission denied";
        if (e instanceof FileAlreadyExistsException) return m + " exists and is not a directory";
        if (e instanceof java.nio.file.FileSystemException f && f.getReason() != null) return f.getReason();
        return m == null ? e.getClass().getSimpleName() : m;
    }
}
