package deltakv.runner.serve;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Maps a request's path to a file inside the store, or to nothing: {@code ..}, absolute paths, NUL bytes and
 * symlinks that lead outside the store (after resolving every link, {@code store/latest} included) all end as
 * a 404. The store's own real path is the fence.
 */
public final class SafePath {
    private final Path root;

    public SafePath(Path store) throws IOException {
        this.root = store.toRealPath();
    }

    public Path root() {
        return root;
    }

    /** @param encoded the path after the route's prefix, still URL-encoded */
    public Optional<Path> resolve(String encoded) {
        String rel;
        try {
            rel = URLDecoder.decode(encoded.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        if (rel.indexOf('\0') >= 0 || rel.startsWith("/")) return Optional.empty();
        try {
            Path p = root.resolve(rel).normalize();
            if (!p.startsWith(root) || !Files.exists(p)) return Optional.empty();
            Path real = p.toRealPath();
            return real.startsWith(root) ? Optional.of(real) : Optional.empty();
        } catch (InvalidPathException | IOException e) {
            return Optional.empty();
        }
    }

    /** Whether {@code p} exists and, every link resolved, lies inside the store (files a page reads go through this). */
    public boolean inside(Path p) {
        try {
            return Files.exists(p) && p.toRealPath().startsWith(root);
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    /** The store-relative form of a real path inside the store, with forward slashes. */
    public String relative(Path real) {
        return root.relativize(real).toString().replace('\\', '/');
    }
}
