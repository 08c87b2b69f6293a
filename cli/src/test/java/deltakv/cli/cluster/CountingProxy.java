package deltakv.cli.cluster;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.concurrent.atomic.AtomicLong;

/** A TCP forwarder that counts the bytes it carries; stands in for the harness' per-link proxy. */
final class CountingProxy implements AutoCloseable {
    private final ServerSocket server;
    private final InetSocketAddress target;
    final AtomicLong bytes = new AtomicLong();

    CountingProxy(InetSocketAddress listen, InetSocketAddress target) throws IOException {
        this.server = new ServerSocket();
        this.server.bind(listen);
        this.target = target;
        Thread t = new Thread(this::acceptLoop, "proxy-" + listen);
        t.setDaemon(true);
        t.start();
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            try {
                Socket in = server.accept();
                Socket out = new Socket();
                out.connect(target, 2000);
                pump(in, out);
                pump(out, in);
            } catch (IOException e) {
                // closed, or the target is down: the client sees a dropped connection, like a dead link
            }
        }
    }

    private void pump(Socket from, Socket to) {
        Thread t = new Thread(() -> {
            byte[] buf = new byte[16384];
            try (InputStream i = from.getInputStream(); OutputStream o = to.getOutputStream()) {
                for (int n; (n = i.read(buf)) > 0; ) {
                    bytes.addAndGet(n);
                    o.write(buf, 0, n);
                }
            } catch (IOException e) {
                // link closed
            } finally {
                try {
                    from.close();
                    to.close();
                } catch (IOException ignored) {
                    // already closed
                }
            }
        });
        t.setDaemon(true);
        t.start();
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
