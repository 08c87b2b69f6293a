package deltakv.nemesis.net;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Links over real sockets: two echo servers stand in for nodes b and a (their "Raft" and "Redis" ports), and
 * the test talks through the a→b link as node a would. A cut stalls both ways and loses nothing; a heal
 * resumes the same stream; a delay holds chunks without reordering them.
 */
class LinkTest {
    private EchoServer raft;
    private EchoServer redis;
    private ProxyMesh mesh;

    @BeforeEach
    void start() throws IOException {
        raft = new EchoServer();
        redis = new EchoServer();
        // Node a's ports: unused here, but the mesh proxies them too (link b→a).
        try (EchoServer aRaft = new EchoServer(); EchoServer aRedis = new EchoServer()) {
            mesh = ProxyMesh.start(List.of(new ProxyMesh.Peer("a", aRaft.port(), aRedis.port()),
                    new ProxyMesh.Peer("b", raft.port(), redis.port())));
        }
    }

    @AfterEach
    void stop() throws IOException {
        mesh.close();
        raft.close();
        redis.close();
    }

    @Test
    void hostsViewMapsPeersToTheirLinkAddresses() {
        assertEquals("127.0.0.1", mesh.hostsView("a").get("a"));
        assertEquals("127.0.1.2", mesh.hostsView("a").get("b"));
        assertEquals("127.0.2.1", mesh.hostsView("b").get("a"));
    }

    @Test
    void cutStallsBothPortsWithoutLosingBytesAndHealResumesTheStreams() throws Exception {
        Link ab = mesh.link("a", "b");
        try (Socket r = connect(ab, raft.port()); Socket s = connect(ab, redis.port())) {
            byte[] first = bytes(1, 10_000);
            assertArrayEquals(first, echo(r, first));
            assertArrayEquals(first, echo(s, first));

            ab.cut();
            long before = ab.bytes();
            byte[] during = bytes(2, 50_000);
            for (Socket x : List.of(r, s)) x.getOutputStream().write(during);
            for (Socket x : List.of(r, s)) {
                x.setSoTimeout(500);
                assertThrows(SocketTimeoutException.class, () -> x.getInputStream().read(), "a cut link carries nothing back");
            }
            Thread.sleep(300);
            assertEquals(before, ab.bytes(), "nothing crossed the cut link");
            // New connections hang as well.
            try (Socket late = connect(ab, redis.port())) {
                late.getOutputStream().write(bytes(3, 100));
                late.setSoTimeout(300);
                assertThrows(SocketTimeoutException.class, () -> late.getInputStream().read());

                ab.heal();
                for (Socket x : List.of(r, s)) {
                    x.setSoTimeout(5000);
                    byte[] back = new byte[during.length];
                    new DataInputStream(x.getInputStream()).readFully(back);
                    assertArrayEquals(during, back, "the held bytes arrive intact, in order");
                }
                late.setSoTimeout(5000);
                byte[] back = new byte[100];
                new DataInputStream(late.getInputStream()).readFully(back);
                assertArrayEquals(bytes(3, 100), back);
            }
            byte[] after = bytes(4, 20_000);
            assertArrayEquals(after, echo(r, after));
            assertTrue(ab.bytes() > before);
        }
    }

    @Test
    void delayHoldsEachChunkAndKeepsOrder() throws Exception {
        Link ab = mesh.link("a", "b");
        try (Socket s = connect(ab, redis.port())) {
            echo(s, bytes(5, 10)); // connection set up before timing
            ab.set(LinkFaults.slow(100, 20, 0));
            long t0 = System.nanoTime();
            byte[] data = bytes(6, 200_000);
            assertArrayEquals(data, echo(s, data));
            long ms = (System.nanoTime() - t0) / 1_000_000;
            assertTrue(ms >= 150, "two crossings of a 100±20 ms link took " + ms + " ms");
            ab.heal();
        }
    }

    @Test
    void cutAndShapingAreUndoneIndependently() {
        Link ab = mesh.link("a", "b");
        ab.shape(40, 0, 0);
        ab.cut();
        assertEquals(new LinkFaults(true, 40, 0, 0), ab.faults());
        mesh.uncutAll(); // a partition ends: the slow link stays slow
        assertEquals(LinkFaults.slow(40, 0, 0), ab.faults());
        ab.cut();
        mesh.unshapeAll(); // a slow fault ends: the cut stays
        assertEquals(LinkFaults.CUT, ab.faults());
        mesh.healAll();
        assertEquals(LinkFaults.PASS, ab.faults());
    }

    @Test
    void throttleLimitsTheRate() throws Exception {
        Link ab = mesh.link("a", "b");
        try (Socket s = connect(ab, redis.port())) {
            ab.set(LinkFaults.slow(0, 0, 100_000)); // 100 kB/s
            long t0 = System.nanoTime();
            byte[] data = bytes(7, 50_000);
            assertArrayEquals(data, echo(s, data)); // 100 kB across the link in all
            long ms = (System.nanoTime() - t0) / 1_000_000;
            assertTrue(ms >= 800, "100 kB at 100 kB/s took " + ms + " ms");
        }
    }

    @Test
    void aConnectionToADownPeerEnds() throws Exception {
        redis.close();
        try (Socket s = connect(mesh.link("a", "b"), redis.port())) {
            s.setSoTimeout(5000);
            assertEquals(-1, s.getInputStream().read(), "the node sees its connection end");
        }
    }

    @Test
    void acrossACutEvenADownPeerLooksLikeAHangUntilTheCutEnds() throws Exception {
        redis.close();
        Link ab = mesh.link("a", "b");
        ab.cut();
        try (Socket s = connect(ab, redis.port())) {
            s.setSoTimeout(700);
            // the node must not learn across a partition that the peer is down
            assertThrows(SocketTimeoutException.class, () -> s.getInputStream().read());
            ab.uncut();
            s.setSoTimeout(5000);
            assertEquals(-1, s.getInputStream().read(), "once healed, the connection ends as with no partition");
        }
    }

    private static Socket connect(Link link, int port) throws IOException {
        Socket s = new Socket();
        s.connect(new InetSocketAddress(link.address(), port), 2000);
        s.setSoTimeout(5000);
        return s;
    }

    private static byte[] echo(Socket s, byte[] data) throws IOException {
        s.getOutputStream().write(data);
        byte[] back = new byte[data.length];
        new DataInputStream(s.getInputStream()).readFully(back);
        return back;
    }

    private static byte[] bytes(long seed, int n) {
        byte[] b = new byte[n];
        new Random(seed).nextBytes(b);
        return b;
    }

    /** Echoes every connection's bytes back, one thread per connection. */
    static final class EchoServer implements AutoCloseable {
        private final ServerSocket server;
        private final Thread acceptor;

        EchoServer() throws IOException {
            server = new ServerSocket();
            server.bind(new InetSocketAddress("127.0.0.1", 0));
            acceptor = new Thread(this::accept, "echo-accept");
            acceptor.setDaemon(true);
            acceptor.start();
        }

        int port() {
            return server.getLocalPort();
        }

        private void accept() {
            while (!server.isClosed()) {
                try {
                    Socket s = server.accept();
                    Thread t = new Thread(() -> pump(s), "echo");
                    t.setDaemon(true);
                    t.start();
                } catch (IOException e) {
                    return;
                }
            }
        }

        private static void pump(Socket s) {
            try (s; InputStream in = s.getInputStream(); OutputStream out = s.getOutputStream()) {
                byte[] buf = new byte[8192];
                int n;
                while ((n = in.read(buf)) > 0) out.write(buf, 0, n);
            } catch (IOException ignored) {
                // the test closed it
            }
        }

        /**
         * Closed for good once this returns: with a thread blocked in accept, the JDK finishes closing the
         * listening socket only when that thread has left accept. The one CI failure of
         * aConnectionToADownPeerEnds (2026-12-08) looked like a connection made in between: the proxy's
         * connect to the "down" peer was neither refused nor answered for its whole 5 s.
         */
        @Override
        public void close() throws IOException {
            server.close();
            try {
                acceptor.join(5000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
