package deltakv.engine.redis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import deltakv.engine.node.LocalNode;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A connection that said DKV.MUX (a follower's shared relay connection) runs its commands concurrently
 * — asynchronous data commands and worker-run ones mixed — yet replies in request order, and refuses
 * the commands that would need per-client state.
 */
class MuxConnectionTest {
    @Test
    void repliesKeepRequestOrderWhileCommandsRunConcurrently() throws Exception {
        try (LocalNode node = LocalNode.start(); RawResp r = new RawResp(node.port(), 10_000)) {
            assertEquals("+OK", r.call("DKV.MUX"));
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            List<Object> expected = new ArrayList<>();
            for (int i = 0; i < 300; i++) {
                out.write(RawResp.command("RPUSH", "mux:l", "e" + i)); // asynchronous transaction
                expected.add((long) i + 1);
                out.write(RawResp.command("PING", "p" + i)); // a node command: on a worker
                expected.add("p" + i);
                out.write(RawResp.command("LLEN", "mux:l")); // read-only: confirmed snapshot
                expected.add((long) i + 1);
            }
            out.write(RawResp.command("LPOP")); // wrong arity
            out.write(RawResp.command("MULTI")); // needs per-client state
            r.send(out.toByteArray());
            for (int i = 0; i < expected.size(); i++) {
                Object got = r.read();
                Object want = expected.get(i);
                assertEquals(want, want instanceof String ? RawResp.text(got) : got, "reply " + i);
            }
            assertTrue(String.valueOf(r.read()).startsWith("-ERR wrong number of arguments"));
            assertEquals("-ERR MULTI is not allowed on a multiplexed relay connection", r.read());
            assertEquals("+PONG", r.call("PING"), "the connection is still usable");
        }
    }
}
