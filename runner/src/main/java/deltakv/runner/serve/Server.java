package deltakv.runner.serve;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import deltakv.runner.store.RunDir;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * {@code dkv serve}: the store as web pages, on the JDK's own HTTP server ({@code com.sun.net.httpserver}) — no
 * dependency for a page a handful of people open, and it streams files and zips as they are read. Routes:
 * {@code /} runs and nightlies, {@code /run/T/S} a run, {@code /compare} the variants, {@code /files/…} any file of the
 * store, {@code /zip/T/S} a run as a zip. Only GET and HEAD; anything outside the store is a 404 ({@link SafePath}).
 */
public final class Server implements AutoCloseable {
    private final HttpServer http;
    private final ExecutorService pool;
    private final SafePath safe;
    private final StoreIndex index;
    private final String bind;

    private Server(HttpServer http, ExecutorService pool, SafePath safe, String bind) {
        this.http = http;
        this.pool = pool;
        this.safe = safe;
        this.bind = bind;
        this.index = new StoreIndex(safe.root());
    }

    /**
     * @param port 0 = any free port ({@link #port()} tells which)
     * @throws IllegalArgumentException the store does not exist
     * @throws IOException the address cannot be bound (in use, not local)
     */
    public static Server start(Path store, String bind, int port) throws IOException {
        if (!Files.isDirectory(store)) throw new IllegalArgumentException("no such store: " + store);
        HttpServer http = HttpServer.create(new InetSocketAddress(bind, port), 64);
        ExecutorService pool = Executors.newFixedThreadPool(4, r -> {
            Thread t = new Thread(r, "dkv-serve");
            t.setDaemon(true);
            return t;
        });
        Server s = new Server(http, pool, new SafePath(store), bind);
        http.createContext("/", s::handle);
        http.setExecutor(pool);
        http.start();
        return s;
    }

    public int port() {
        return http.getAddress().getPort();
    }

    @Override
    public void close() {
        http.stop(0);
        pool.shutdownNow();
    }

    private void handle(HttpExchange ex) throws IOException {
        try {
            String method = ex.getRequestMethod();
            if (!method.equals("GET") && !method.equals("HEAD")) {
                ex.getResponseHeaders().set("Allow", "GET, HEAD");
                send(ex, 405, "text/plain", "only GET and HEAD\n".getBytes(StandardCharsets.UTF_8));
                return;
            }
            if (!hostAllowed(ex.getRequestHeaders().getFirst("Host"))) {
                // another site's page pointing its own name at this address (DNS rebinding) reads nothing
                send(ex, 403, "text/plain", "unexpected Host header\n".getBytes(StandardCharsets.UTF_8));
                return;
            }
            String path = ex.getRequestURI().getRawPath();
            Map<String, String> query = query(ex.getRequestURI().getRawQuery());
            if (path.equals("/")) html(ex, IndexPage.render(index, query));
            else if (path.equals("/compare")) html(ex, ComparePage.render(index, query));
            else if (path.startsWith("/run/")) run(ex, path.substring("/run/".length()));
            else if (path.startsWith("/files/")) file(ex, path.substring("/files/".length()));
            else if (path.startsWith("/zip/")) zip(ex, path.substring("/zip/".length()));
            else notFound(ex);
        } catch (RuntimeException | IOException e) {
            // one bad page must not take the server down; before any header went out, the reason goes to the page
            if (ex.getResponseCode() == -1) {
                try {
                    send(ex, 500, "text/plain", ("internal error: " + e + "\n").getBytes(StandardCharsets.UTF_8));
                } catch (IOException ignored) {
                    // the client went away
                }
            }
        } finally {
            ex.close();
        }
    }

    /** Loopback names, or the address it was told to bind (any name when it listens on every address). */
    boolean hostAllowed(String host) {
        if (host == null) return false;
        String h = host.replaceFirst(":\\d+$", "").toLowerCase();
        if (h.startsWith("[") && h.endsWith("]")) h = h.substring(1, h.length() - 1);
        if (h.equals("localhost") || h.equals("127.0.0.1") || h.equals("::1")) return true;
        if (bind.equals("0.0.0.0") || bind.equals("::")) return true;
        return h.equals(bind.toLowerCase());
    }

    private Optional<Path> runDir(String rel) {
        return safe.resolve(strip(rel)).filter(d -> Files.isDirectory(d) && RunDir.isRun(d));
    }

    private void run(HttpExchange ex, String rel) throws IOException {
        Optional<Path> d = runDir(rel);
        if (d.isEmpty()) {
            notFound(ex);
            return;
        }
        html(ex, RunPage.render(index.read(d.get()), d.get(), safe));
    }

    private void file(HttpExchange ex, String rel) throws IOException {
        Optional<Path> p = safe.resolve(strip(rel));
        if (p.isEmpty()) {
            notFound(ex);
            return;
        }
        Path f = p.get();
        if (Files.isDirectory(f)) {
            String r = safe.relative(f);
            if (RunDir.isRun(f)) redirect(ex, Html.url("/run/", r));
            else html(ex, listing(f, r));
            return;
        }
        ex.getResponseHeaders().set("Content-Type", type(f.getFileName().toString()));
        // a store's own HTML (timeline, nightly page) needs no script: any other file that tries gets none
        ex.getResponseHeaders().set("Content-Security-Policy", "sandbox");
        ex.getResponseHeaders().set("X-Content-Type-Options", "nosniff");
        long size;
        try {
            size = Files.size(f);
        } catch (IOException e) {
            notFound(ex);
            return;
        }
        if (ex.getRequestMethod().equals("HEAD")) {
            ex.sendResponseHeaders(200, -1);
            return;
        }
        try (InputStream in = Files.newInputStream(f)) {
            ex.sendResponseHeaders(200, size == 0 ? -1 : 0);
            in.transferTo(ex.getResponseBody());
        }
    }

    private void zip(HttpExchange ex, String rel) throws IOException {
        Optional<Path> d = runDir(rel);
        if (d.isEmpty()) {
            notFound(ex);
            return;
        }
        Path dir = d.get();
        String name = (dir.getParent().getFileName() + "-" + dir.getFileName()).replaceAll("[^A-Za-z0-9.+_-]", "_");
        ex.getResponseHeaders().set("Content-Type", "application/zip");
        ex.getResponseHeaders().set("Content-Disposition", "attachment; filename=\"" + name + ".zip\"");
        if (ex.getRequestMethod().equals("HEAD")) {
            ex.sendResponseHeaders(200, -1);
            return;
        }
        ex.sendResponseHeaders(200, 0);
        try (ZipOutputStream z = new ZipOutputStream(ex.getResponseBody())) {
            for (String f : RunPage.files(dir)) {
                // links are not followed: a file that became one since the listing is not opened
                InputStream in;
                try {
                    in = Files.newInputStream(dir.resolve(f), java.nio.file.LinkOption.NOFOLLOW_LINKS);
                } catch (IOException unreadable) {
                    continue; // removed while zipping (a run being written), or not ours to read
                }
                try (in) {
                    z.putNextEntry(new ZipEntry(name + "/" + f));
                    in.transferTo(z);
                    z.closeEntry();
                }
            }
        }
    }

    private static String listing(Path dir, String rel) {
        StringBuilder b = new StringBuilder("<ul id=\"listing\">");
        try (Stream<Path> s = Files.list(dir)) {
            for (Path p : s.sorted().toList()) {
                String n = p.getFileName().toString() + (Files.isDirectory(p) ? "/" : "");
                b.append("<li><a href=\"").append(Html.esc(Html.url("/files/", rel.isEmpty() ? n : rel + "/" + n))).append("\">")
                        .append(Html.esc(n)).append("</a></li>");
            }
        } catch (IOException e) {
            b.append("<li>(cannot list: ").append(Html.esc(e.getMessage())).append(")</li>");
        }
        return Html.page(rel.isEmpty() ? "store" : rel, b.append("</ul>\n").toString());
    }

    static String type(String name) {
        String n = name.toLowerCase();
        if (n.endsWith(".html")) return "text/html; charset=utf-8";
        if (n.endsWith(".png")) return "image/png";
        if (n.endsWith(".svg")) return "image/svg+xml";
        if (n.endsWith(".json")) return "application/json";
        if (n.endsWith(".zip")) return "application/zip";
        return "text/plain; charset=utf-8";
    }

    private static String strip(String rel) {
        return rel.endsWith("/") ? rel.substring(0, rel.length() - 1) : rel;
    }

    static Map<String, String> query(String raw) {
        Map<String, String> m = new LinkedHashMap<>();
        if (raw == null || raw.isEmpty()) return m;
        for (String kv : raw.split("&")) {
            int i = kv.indexOf('=');
            try {
                String k = URLDecoder.decode(i < 0 ? kv : kv.substring(0, i), StandardCharsets.UTF_8);
                String v = i < 0 ? "" : URLDecoder.decode(kv.substring(i + 1), StandardCharsets.UTF_8);
                m.put(k, v);
            } catch (IllegalArgumentException e) {
                // a malformed pair is ignored
            }
        }
        return m;
    }

    private static void html(HttpExchange ex, String page) throws IOException {
        send(ex, 200, "text/html; charset=utf-8", page.getBytes(StandardCharsets.UTF_8));
    }

    private static void redirect(HttpExchange ex, String to) throws IOException {
        ex.getResponseHeaders().set("Location", to);
        ex.sendResponseHeaders(302, -1);
    }

    private static void notFound(HttpExchange ex) throws IOException {
        send(ex, 404, "text/html; charset=utf-8", Html.page("Not found", "<p>Nothing here.</p>\n").getBytes(StandardCharsets.UTF_8));
    }

    private static void send(HttpExchange ex, int code, String type, byte[] body) throws IOException {
        ex.getResponseHeaders().set("Content-Type", type);
        if (ex.getRequestMethod().equals("HEAD")) {
            ex.sendResponseHeaders(code, -1);
            return;
        }
        ex.sendResponseHeaders(code, body.length == 0 ? -1 : body.length);
        try (OutputStream o = ex.getResponseBody()) {
            o.write(body);
        }
    }
}
