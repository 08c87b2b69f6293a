package deltakv.engine.it;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * A minimal RESP2 client for tests that must see replies byte for byte (Jedis normalises errors and
 * types). Replies are rendered canonically: {@code +OK}, {@code :3}, {@code $abc}, {@code $nil},
 * {@code *[..,..]}, {@code *nil}, {@code -ERR ...}.
 */
public final class RespConnection implements AutoCloseable {
    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;

    public RespConnection(String host, int port) throws IOException {
        socket = new Socket();
        socket.connect(new InetSocketAddress(host, port), 5000);
        socket.setSoTimeout(30_000);
        in = new BufferedInputStream(socket.getInputStream());
        out = socket.getOutputStream();
    }

    public String call(List<String> args) throws IOException {
        send(args);
        return readReply();
    }

    public String call(String... args) throws IOException {
        return call(List.of(args));
    }

    public void send(List<String> args) throws IOException {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        buf.writeBytes(("*" + args.size() + "\r\n").getBytes(StandardCharsets.UTF_8));
        for (String a : args) {
            byte[] b = a.getBytes(StandardCharsets.UTF_8);
            buf.writeBytes(("$" + b.length + "\r\n").getBytes(StandardCharsets.UTF_8));
            buf.writeBytes(b);
            buf.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
        }
        out.write(buf.toByteArray());
        out.flush();
    }

    public String readReply() throws IOException {
        int type = in.read();
        if (type < 0) throw new IOException("connection closed");
        String line = readLine();
        switch (type) {
            case '+': return "+" + line;
            case '-': return "-" + line;
            case ':': return ":" + line;
            case '$': {
                int n = Integer.parseInt(line);
                if (n < 0) return "$nil";
                byte[] b = in.readNBytes(n);
                readLine();
                return "$" + new String(b, StandardCharsets.UTF_8);
            }
            case '*': {
                int n = Integer.parseInt(line);
                if (n < 0) return "*nil";
                StringBuilder sb = new StringBuilder("*[");
                for (int i = 0; i < n; i++) {
                    if (i > 0) sb.append(',');
                    sb.append(readReply());
                }
                return sb.append(']').toString();
            }
            default:
                throw new IOException("unexpected reply type byte " + type);
        }
    }

    private String readLine() throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        int c;
        while ((c = in.read()) != '\r') {
            if (c < 0) throw new IOException("connection closed mid-line");
            b.write(c);
        }
        in.read();
        return b.toString(StandardCharsets.UTF_8);
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
