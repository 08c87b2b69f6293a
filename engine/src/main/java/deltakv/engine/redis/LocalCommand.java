package deltakv.engine.redis;

import java.util.List;
import java.util.function.Function;

/**
 * A command answered by the node itself, without a transaction (PING, INFO, DKV.* …).
 *
 * @param name    lower-case command name
 * @param arity   Redis convention, as in {@link CommandSpec}
 * @param handler computes the reply from the full command line
 */
public record LocalCommand(String name, int arity, Function<List<byte[]>, Reply> handler) {
    public boolean arityOk(int argc) {
        return arity >= 0 ? argc == arity : argc >= -arity;
    }
}
