package deltakv.nemesis.cluster;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A minimal RESP client for the harness' control calls (DKV.ROLE and friends): one command, one
 * reply, flattened to strings. Not for data traffic; workloads use Jedis.
 */
public final class RespProbe {
    private RespProbe() {}

    /** Sends {@code args} and returns the reply flattened (arrays to elements, null to null). */
    public static List<String> call(String host, int port, int timeoutMillis, String... args) throws IOException {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(host, port), timeoutMillis);
            s.setSoTimeout(timeoutMillis);
            OutputStream out = s.getOutputStream();
            StringBuilder sb = new StringBuilder("*").append(args.length).append("\r\n");
            for (String a : args) {
                byte[] b = a.getBytes(StandardCharsets.UTF_8);
                sb.append('$').append(b.length).append("\r\n").append(a).append("\r\n");
            }
            out.write(sb.toString().getBytes(StandardCharsets.UTF_8));
            out.flush();
            List<String> result = new ArrayList<>();
            read(new BufferedInputStream(s.getInputStream()), result);
            return result;
        }
    }

    private static void read(InputStream in, List<String> out) throws IOException {
        int type = in.read();
        String line = line(in);
        switch (type) {
            case '+', ':' -> out.add(line);
            case '-' -> throw new IOException("error reply: " + line);
            case '$' -> {
                int n = Integer.parseInt(line);
                if (n < 0) {
                    out.add(null);
                    return;
                }
                byte[] b = in.readNBytes(n + 2);
                out.add(new String(b, 0, n, StandardCharsets.UTF_8));
            }
            case '*' -> {
                int n = Integer.parseInt(line);
                for (int i = 0; i < n; i++) read(in, out);
            }
            default -> throw new IOException("unexpected reply type " + type);
        }
    }

    private static String line(InputStream in) throws IOException {
        StringBuilder sb = new StringBuilder();
        int c;
        while ((c = in.read()) != '\r') {
            if (c < 0) throw new IOException("connection closed mid-reply");
            sb.append((char) c);
        }
        in.read();
        return sb.toString();
    }
}
